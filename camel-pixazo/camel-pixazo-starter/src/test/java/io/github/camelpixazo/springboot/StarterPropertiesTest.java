package io.github.camelpixazo.springboot;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.error.PixazoValidationException;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter reads values as the endpoint URI does, and refuses what it does not know. A duration written as Camel
 * writes them, {@code 1m30s}, failed to bind (Spring's conversion reads single units only) though the URI took it
 * (D12); a misspelt property such as {@code api-kye} was silently ignored, so the component ran without the setting
 * (D13).
 */
class StarterPropertiesTest {

    private static final String PREFIX = "camel.component.pixazo.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, PixazoComponentConverter.class,
                    PixazoComponentAutoConfiguration.class))
            .withPropertyValues(PREFIX + "api-key=starter-key-0d12", PREFIX + "base-url=http://127.0.0.1:9");

    /** Every duration option of the catalog, by option name. */
    private static List<String> durationOptions() throws Exception {
        try (InputStream in = PixazoComponent.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelpixazo/pixazo.json")) {
            JsonNode catalog = new ObjectMapper().readTree(in);
            List<String> names = new ArrayList<>();
            catalog.path("componentProperties").properties().forEach(e -> {
                if ("duration".equals(e.getValue().path("type").asText())) {
                    names.add(e.getKey());
                }
            });
            assertTrue(names.size() >= 7, "the duration options: " + names);
            return names;
        }
    }

    private static String property(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * An option's value in milliseconds, from the configuration shared by component and endpoint, else from the
     * component or endpoint itself (budgetPeriod lives on each: one budget per component, one per endpoint).
     */
    private static long millis(PixazoConfiguration configuration, Object owner, String option) throws Exception {
        String name = "get" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
        for (Object target : new Object[] { configuration, owner }) {
            try {
                Method getter = target.getClass().getMethod(name);
                return ((Number) getter.invoke(target)).longValue();
            } catch (NoSuchMethodException notHere) {
                // the next owner
            }
        }
        throw new NoSuchMethodException(name + " on " + configuration.getClass() + " or " + owner.getClass());
    }

    /** Each form, on every duration option, in application properties and in an endpoint URI, gives 90 seconds. */
    @ParameterizedTest
    @ValueSource(strings = { "1m30s", "90s", "90000", "PT1M30S", "pt1m30s", "1m30s0ms" })
    void everyDurationOptionReadsTheSameFormsAsTheEndpointUri(String value) throws Exception {
        List<String> options = durationOptions();
        List<String> properties = new ArrayList<>();
        StringBuilder uri = new StringBuilder("pixazo:generate?");
        for (String option : options) {
            properties.add(PREFIX + property(option) + "=" + value);
            uri.append(option).append('=').append(value).append('&');
        }
        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertTrue(context.getStartupFailure() == null, () -> "did not start: " + context.getStartupFailure());
            CamelContext camel = context.getBean(CamelContext.class);
            PixazoComponent component = camel.getComponent("pixazo", PixazoComponent.class);
            PixazoEndpoint endpoint = camel.getEndpoint(uri.substring(0, uri.length() - 1), PixazoEndpoint.class);
            for (String option : options) {
                assertEquals(90_000, millis(component.getConfiguration(), component, option),
                        PREFIX + property(option) + "=" + value);
                assertEquals(90_000, millis(endpoint.getConfiguration(), endpoint, option),
                        option + "=" + value + " in a URI");
            }
        });
    }

    /** What the URI refuses, the properties refuse the same way: naming the option, quoting the text. */
    @ParameterizedTest
    @ValueSource(strings = { "1m30", "5S", "-1s", "soon" })
    void aDurationTheUriRefusesIsRefusedTheSameWay(String value) {
        runner.withPropertyValues(PREFIX + "job-timeout=" + value).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, value + " was accepted");
            PixazoValidationException invalid = find(failure, PixazoValidationException.class);
            assertNotNull(invalid, "the component's own message: " + failure);
            assertEquals("jobTimeout", invalid.getOption());
            assertTrue(invalid.getMessage().contains("'" + value + "'"), invalid.getMessage());
        });
    }

    /** A misspelt property fails the start, and the failure analysis names the property meant. */
    @Test
    void aMisspeltPropertyFailsTheStartNamingThePropertyMeant() {
        for (Map.Entry<String, String> misspelt : Map.of(
                "api-kye=secret-0d13", "camel.component.pixazo.api-key",
                "readTimout=5s", "camel.component.pixazo.read-timeout",
                "job-timeuot=5m", "camel.component.pixazo.job-timeout").entrySet()) {
            runner.withPropertyValues(PREFIX + misspelt.getKey()).run(context -> {
                Throwable failure = context.getStartupFailure();
                assertNotNull(failure, misspelt.getKey() + " was ignored");
                UnboundConfigurationPropertiesException unbound = find(failure,
                        UnboundConfigurationPropertiesException.class);
                assertNotNull(unbound, "Spring's unbound-property failure: " + failure);
                FailureAnalysis analysis = new PixazoUnknownPropertyFailureAnalyzer().analyze(failure);
                assertNotNull(analysis, "analysed");
                assertTrue(analysis.getDescription().contains("is not a property of the pixazo component. Did you"
                        + " mean " + misspelt.getValue() + "?"), analysis.getDescription());
                assertTrue(!analysis.getDescription().contains("secret-0d13"), "the value is not quoted");
            });
        }
    }

    /** The switches of every Camel starter and correctly spelt properties in any relaxed form still bind. */
    @Test
    void knownPropertiesInAnyRelaxedFormStillBind() {
        runner.withPropertyValues(PREFIX + "enabled=true", PREFIX + "customizer.enabled=true",
                PREFIX + "readTimeout=45s", PREFIX + "max-retries=2", PREFIX + "quality=high").run(context -> {
                    assertTrue(context.getStartupFailure() == null, () -> "" + context.getStartupFailure());
                    PixazoConfiguration configuration = context.getBean(CamelContext.class)
                            .getComponent("pixazo", PixazoComponent.class).getConfiguration();
                    assertEquals(45_000, configuration.getReadTimeout());
                    assertEquals(2, configuration.getMaxRetries());
                    assertEquals("high", configuration.getQuality());
                });
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
