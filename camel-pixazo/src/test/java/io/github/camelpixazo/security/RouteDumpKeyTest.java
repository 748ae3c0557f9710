package io.github.camelpixazo.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route dumps (camel.main.dump-routes) print beans and endpoint URIs: a YAML route file declaring the component bean
 * with a literal apiKey, or a route with apiKey in its endpoint URI, printed the key in clear (D3). Every key-bearing
 * option is now a secret Camel masks in each dump format.
 */
class RouteDumpKeyTest {

    /** Camel picks the masking dumper through its dump-routes service factory, without any configuration. */
    @org.junit.jupiter.api.Test
    void camelPicksTheMaskingDumper() throws Exception {
        try (org.apache.camel.CamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            assertTrue(context.getCamelContextExtension().getContextPlugin(org.apache.camel.spi.DumpRoutesStrategy.class)
                    instanceof io.github.camelpixazo.SecretMaskingDumpRoutesStrategy);
        }
    }

    private static final String KEY = "yamlbeankey-83f1c2aa";
    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000d7e12";

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "key as {0}, dump {1}")
    @CsvSource({
            "bean property, yaml", "bean property, xml", "bean property, false",
            "bean configuration, yaml", "bean configuration, xml",
            "endpoint uri, yaml", "endpoint uri, xml",
            "endpoint uri as parameters, yaml", "bean placeholder, yaml", "bean placeholder, xml",
    })
    void noRouteDumpPrintsTheKey(String where, String dump) throws Exception {
        GatewayStub gateway = STUB.stub();
        gateway.reset();
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(16, 16));
        Path routes = folder.resolve("pixazo.camel.yaml");
        String bean = switch (where) {
            case "bean property" -> "        apiKey: " + KEY + "\n";
            case "bean configuration" -> "        configuration.apiKey: " + KEY + "\n";
            case "bean placeholder" -> "        apiKey: \"{{pixazo.apiKey}}\"\n";
            default -> "";
        };
        boolean inUri = where.startsWith("endpoint uri");
        String uri = inUri ? "pixazo:generate?pollInterval=20ms&apiKey=" + KEY : "pixazo:generate";
        Files.writeString(routes, "- beans:\n"
                + "    - name: pixazo\n"
                + "      type: io.github.camelpixazo.PixazoComponent\n"
                + "      properties:\n"
                + bean
                + "        baseUrl: " + gateway.baseUrl() + "\n"
                + "        pollInterval: 20ms\n"
                + (inUri ? "        apiKey: unused-component-key\n" : "")
                + "- route:\n"
                + "    id: y\n"
                + "    from:\n"
                + "      uri: direct:y\n"
                + "      steps:\n"
                + "        - to: \"" + uri + "\"\n", StandardCharsets.UTF_8);
        Set<String> printing = new TreeSet<>();
        List<String> lines;
        try (LogCapture logs = LogCapture.everything(Level.INFO, Map.of())) {
            Main main = new Main();
            main.addInitialProperty("pixazo.apiKey", KEY);
            main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath());
            if (!"false".equals(dump)) {
                main.configure().withDumpRoutes(dump);
                main.configure().withDumpRoutesInclude("all");
                main.configure().withDumpRoutesOutput(folder.resolve("dump").toString());
                main.configure().withDumpRoutesUriAsParameters(where.endsWith("as parameters"));
            }
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().request("direct:y",
                        e -> e.getIn().setBody("A sunset"));
                assertNull(out.getException(), () -> "generate: " + out.getException());
            } finally {
                main.stop();
            }
            lines = logs.lines();
        }
        for (String line : lines) {
            if (line.contains(KEY)) {
                printing.add(line.split(" ", 3)[1] + ": " + line.substring(0, Math.min(line.length(), 300)));
            }
        }
        if (!dump.equals("false")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("Dumping")), "the dump was logged");
            List<Path> files;
            try (var walk = Files.walk(folder.resolve("dump"))) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertTrue(!files.isEmpty(), "the dump was written to files");
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(!text.contains(KEY), () -> file + " holds the key:\n" + text);
                if (text.contains("PixazoComponent") && !where.equals("bean placeholder")) {
                    assertTrue(text.contains("xxxxxx"), () -> "masked, not dropped:\n" + text);
                }
            }
        }
        assertEquals(Set.of(), printing);
    }
}
