package io.github.camelpixazo.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Camel core itself prints when the key passes through its property machinery, measured with the root logger at
 * DEBUG or TRACE, so the component page's security table ("The API key and logging") says logger by logger what is
 * unsafe - and fails here if Camel starts or stops printing it. The component's own loggers never appear in these
 * sets: every line with the key comes from Camel core.
 */
class CamelCoreKeyLoggingTest {

    private static final String KEY = "pz-core-5f1d9c0e-Live";
    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000c04e1";
    private static final Path PAGE = Path.of("..", "docs", "pixazo-component.adoc");

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;

    @TempDir
    Path folder;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    /**
     * camel-main with application.properties, the way the issue measured it: a literal key, a placeholder to another
     * property, and a placeholder function ({@code sys:} here; {@code env:} takes the same path through
     * DefaultPropertiesParser, and the JVM's environment cannot be set from a test).
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = ';', value = {
            "literal;DEBUG;org.apache.camel.main.BaseMainSupport,org.apache.camel.main.MainHelper",
            "placeholder;DEBUG;org.apache.camel.component.properties.DefaultPropertiesParser,org.apache.camel.impl.engine.DefaultCamelContextExtension,org.apache.camel.main.BaseMainSupport",
            "function;DEBUG;org.apache.camel.component.properties.DefaultPropertiesParser,org.apache.camel.impl.engine.DefaultCamelContextExtension",
            "literal;TRACE;org.apache.camel.main.BaseMainSupport,org.apache.camel.main.MainHelper",
            "function;TRACE;org.apache.camel.component.properties.DefaultPropertiesParser,org.apache.camel.component.properties.PropertiesComponent,org.apache.camel.impl.engine.DefaultCamelContextExtension",
    })
    void camelMainPrintsTheKeyFromApplicationProperties(String style, String level, String expected) throws Exception {
        stubJob();
        Path properties = folder.resolve("application.properties");
        String value = switch (style) {
            case "literal" -> KEY;
            case "placeholder" -> "{{pixazo.key}}\npixazo.key = " + KEY;
            default -> "{{sys:pixazo.test.key}}";
        };
        Files.writeString(properties, "camel.component.pixazo.api-key = " + value + "\n"
                + "camel.component.pixazo.base-url = " + gateway.baseUrl() + "\n"
                + "camel.component.pixazo.poll-interval = 20ms\n", StandardCharsets.UTF_8);
        System.setProperty("pixazo.test.key", KEY);
        Set<String> printing;
        try (LogCapture logs = LogCapture.everything(Level.getLevel(level), java.util.Map.of())) {
            Main main = new Main();
            main.setPropertyPlaceholderLocations("file:" + properties.toAbsolutePath());
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("pixazo:generate");
                }
            });
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().request("direct:generate",
                        e -> e.getIn().setBody("A sunset"));
                assertNull(out.getException(), () -> "generate: " + out.getException());
            } finally {
                main.stop();
            }
            printing = loggersPrinting(logs.lines());
        } finally {
            System.clearProperty("pixazo.test.key");
        }
        System.out.printf("CamelCoreKeyLoggingTest: camel-main, api-key %s, root %s: key printed by %s%n", style, level,
                printing);
        assertEquals(new TreeSet<>(List.of(expected.split(","))), printing);
        assertDocumented(printing);
    }

    /** A key in an endpoint URI: clean at DEBUG when literal, printed at TRACE; a placeholder already at DEBUG. */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = ';', value = {
            "RAW(KEY);DEBUG;",
            "RAW(KEY);TRACE;org.apache.camel.impl.engine.AbstractCamelContext,org.apache.camel.support.DefaultComponent,org.apache.camel.support.EndpointHelper",
            "RAW({{pixazo.apiKey}});DEBUG;org.apache.camel.component.properties.DefaultPropertiesParser,org.apache.camel.impl.engine.DefaultCamelContextExtension",
    })
    void aKeyInAnEndpointUri(String option, String level, String expected) throws Exception {
        stubJob();
        Set<String> printing;
        try (LogCapture logs = LogCapture.everything(Level.getLevel(level), java.util.Map.of())) {
            CamelContext context = new DefaultCamelContext();
            Properties properties = new Properties();
            properties.setProperty("pixazo.apiKey", KEY);
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("pixazo:generate?pollInterval=20ms&baseUrl=" + gateway.baseUrl()
                                               + "&apiKey=" + option.replace("KEY", KEY));
                }
            });
            context.start();
            try {
                Exchange out = context.createProducerTemplate().request("direct:generate", e -> e.getIn().setBody("A sunset"));
                assertNull(out.getException(), () -> "generate: " + out.getException());
            } finally {
                context.stop();
            }
            printing = loggersPrinting(logs.lines());
        }
        System.out.printf("CamelCoreKeyLoggingTest: endpoint URI apiKey=%s, root %s: key printed by %s%n", option, level,
                printing);
        Set<String> want = expected == null || expected.isBlank() ? new TreeSet<>()
                : new TreeSet<>(List.of(expected.split(",")));
        assertTrue(printing.containsAll(want) && want.containsAll(printing), "expected " + want + " but " + printing);
        assertDocumented(printing);
    }

    private void stubJob() {
        gateway.reset();
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(16, 16));
    }

    private static Set<String> loggersPrinting(List<String> lines) {
        Set<String> loggers = new TreeSet<>();
        for (String line : lines) {
            if (line.contains(KEY)) {
                loggers.add(line.split(" ", 3)[1]);
            }
        }
        return loggers;
    }

    private static void assertDocumented(Set<String> loggers) throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        for (String logger : loggers) {
            assertTrue(!logger.startsWith("io.github.camelpixazo"), "the component itself printed the key: " + logger);
            assertTrue(page.contains("`" + logger + "`"), logger + " prints the key but the component page's security"
                                                         + " section does not name it");
        }
    }
}
