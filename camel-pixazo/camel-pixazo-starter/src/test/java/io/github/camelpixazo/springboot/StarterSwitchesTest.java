package io.github.camelpixazo.springboot;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.http.HttpClientConfigurer;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The switches every Camel starter has, and naming one of several hook beans. */
class StarterSwitchesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, PixazoComponentConverter.class,
                    PixazoComponentAutoConfiguration.class));

    private static PixazoComponent pixazo(org.springframework.context.ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("pixazo", PixazoComponent.class);
    }

    @Test
    void enabledFalseLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.pixazo.enabled=false", "camel.component.pixazo.quality=high")
                .run(context -> assertNull(pixazo(context).getConfiguration().getQuality()));
    }

    @Test
    void customizerEnabledFalseLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.pixazo.customizer.enabled=false",
                "camel.component.pixazo.quality=high")
                .run(context -> assertNull(pixazo(context).getConfiguration().getQuality()));
    }

    @Test
    void aHookBeanCanBeNamedWhenThereAreSeveral() {
        HttpClientConfigurer first = builder -> { };
        HttpClientConfigurer second = builder -> { };
        runner.withBean("first", HttpClientConfigurer.class, () -> first)
                .withBean("second", HttpClientConfigurer.class, () -> second)
                .withPropertyValues("camel.component.pixazo.http-client-configurer=#bean:second",
                        "camel.component.pixazo.quality=high")
                .run(context -> {
                    PixazoComponent component = pixazo(context);
                    assertSame(second, component.getHttpClientConfigurer());
                    assertEquals("high", component.getConfiguration().getQuality());
                });
    }

    @Test
    void theWholeConfigurationCanBeABeanAndSinglePropertiesStillApply() {
        PixazoConfiguration shared = new PixazoConfiguration();
        shared.setModel("gpt-image-1.5");
        runner.withBean("sharedPixazo", PixazoConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.pixazo.configuration=#bean:sharedPixazo",
                        "camel.component.pixazo.size=1536x1024")
                .run(context -> {
                    PixazoConfiguration configuration = pixazo(context).getConfiguration();
                    assertSame(shared, configuration);
                    assertEquals("gpt-image-1.5", configuration.getModel(), "not overwritten by a default");
                    assertEquals("1536x1024", configuration.getSize());
                });
    }
}
