package io.github.camelpixazo;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code Camel's generator wrote is what runs (no reflection fallback), and the catalog that tooling and low-code
 * designers read describes every option and header.
 */
class GeneratedMetadataTest {

    static final String CATALOG = "META-INF/io/github/camelpixazo/pixazo.json";

    static JsonNode catalog() throws Exception {
        try (InputStream in = GeneratedMetadataTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertNotNull(in, CATALOG + " is not on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theGeneratedConfigurersAndUriFactoryAreInUse() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            PixazoEndpoint endpoint = context.getEndpoint("pixazo:generate?apiKey=k&size=1536x1024", PixazoEndpoint.class);
            PixazoComponent component = endpoint.getComponent();

            assertInstanceOf(PixazoComponentConfigurer.class, component.getComponentPropertyConfigurer());
            assertInstanceOf(PixazoEndpointConfigurer.class, component.getEndpointPropertyConfigurer());
            assertInstanceOf(PixazoEndpointUriFactory.class,
                    context.getCamelContextExtension().getEndpointUriFactory("pixazo"));
            assertEquals("1536x1024", endpoint.getConfiguration().getSize());
            assertNotNull(((org.apache.camel.CatalogCamelContext) context).getComponentParameterJsonSchema("pixazo"),
                    "Camel finds the catalog for tooling");
        }
    }

    /**
     * The component descriptor is where Camel looks for it, and only there: Camel's generator also writes a copy into
     * the root of the output directory, which the build removes (a stray /component.properties in the jar).
     */
    @Test
    void theComponentDescriptorIsOnlyInMetaInf() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(PixazoComponent.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        assertTrue(java.nio.file.Files.isRegularFile(classes.resolve("META-INF/services/org/apache/camel/component.properties")),
                "the descriptor is in META-INF/services/org/apache/camel");
        assertFalse(java.nio.file.Files.exists(classes.resolve("component.properties")),
                "a stray copy of component.properties sits at the root of " + classes);
    }

    /** Option -> {type, default (null = none), enum values (null = not an enum)}. */
    private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
            Map.entry("apiKey", list("string", null, null)),
            // no fixed default: the selected gateway's documented base URL (the description names the three)
            Map.entry("baseUrl", list("string", null, null)),
            Map.entry("gateway", list("enum", "pixazo", "pixazo,pixapi,evolink")),
            Map.entry("synchronous", list("boolean", "false", null)),
            Map.entry("resultDelivery", list("enum", null, "url,inline")),
            Map.entry("model", list("enum", "gpt-image-2", "gpt-image-2,gpt-image-1.5")),
            Map.entry("prompt", list("string", null, null)),
            Map.entry("n", list("integer", null, null)),
            Map.entry("size", list("string", null, null)),
            Map.entry("quality", list("enum", null, "low,medium,high,auto")),
            Map.entry("format", list("enum", null, "png,jpeg,webp")),
            Map.entry("outputCompression", list("integer", null, null)),
            Map.entry("background", list("enum", null, "opaque,auto,transparent")),
            Map.entry("moderation", list("enum", null, "auto,low")),
            Map.entry("mask", list("string", null, null)),
            Map.entry("webhookUrl", list("string", null, null)),
            Map.entry("webhookMode", list("enum", "terminal", "terminal,sync")),
            Map.entry("waitForCompletion", list("boolean", "true", null)),
            Map.entry("download", list("boolean", "true", null)),
            Map.entry("pollInterval", list("duration", "5s", null)),
            Map.entry("pollBackoffMultiplier", list("number", "1.5", null)),
            Map.entry("maxPollInterval", list("duration", "20s", null)),
            Map.entry("jobTimeout", list("duration", "15m", null)),
            Map.entry("connectTimeout", list("duration", "10s", null)),
            Map.entry("readTimeout", list("duration", "60s", null)),
            Map.entry("maxRetries", list("integer", "3", null)),
            Map.entry("retryDelay", list("duration", "1s", null)),
            Map.entry("maxRetryDelay", list("duration", "30s", null)),
            Map.entry("spoolThreshold", list("integer", "1048576", null)));

    private static List<String> list(String type, String defaultValue, String enums) {
        return java.util.Arrays.asList(type, defaultValue, enums);
    }

    @Test
    void theCatalogDescribesEveryOptionOnEndpointAndComponent() throws Exception {
        JsonNode catalog = catalog();
        assertEquals("pixazo:operation", catalog.at("/component/syntax").asText());
        assertTrue(catalog.at("/component/async").asBoolean(), "the producer is asynchronous");
        assertEquals("generate,edit,status,jobs", join(catalog.at("/properties/operation/enum")));
        for (String section : List.of("properties", "componentProperties")) {
            for (Map.Entry<String, List<String>> option : OPTIONS.entrySet()) {
                JsonNode node = catalog.path(section).path(option.getKey());
                String where = section + "." + option.getKey();
                assertFalse(node.isMissingNode(), where + " is missing");
                assertTrue(node.path("description").asText().length() > 20, where + " needs a description");
                assertEquals(option.getValue().get(0), node.path("type").asText(), where + " type");
                String expectedDefault = option.getValue().get(1);
                if (expectedDefault != null) {
                    assertEquals(expectedDefault, node.path("defaultValue").asText(), where + " default");
                } else {
                    assertTrue(node.path("defaultValue").isMissingNode(), where + " has no default: unset means not sent");
                }
                String enums = option.getValue().get(2);
                if (enums != null) {
                    assertEquals(enums, join(node.path("enum")), where + " enum values");
                }
            }
        }
        // and every other option too (component-only ones such as proxy, TLS and pool settings included)
        for (String section : List.of("properties", "componentProperties")) {
            catalog.path(section).fields().forEachRemaining(option -> assertTrue(
                    option.getValue().path("description").asText().length() > 10,
                    section + "." + option.getKey() + " needs a description"));
        }
        for (String base : List.of("https://gateway.pixazo.ai", "https://api.pixapi.ai", "https://api.evolink.ai")) {
            assertTrue(catalog.at("/properties/baseUrl/description").asText().contains(base),
                    "baseUrl's description names the default " + base);
        }
        JsonNode apiKey = catalog.at("/properties/apiKey");
        assertTrue(apiKey.path("secret").asBoolean(), "apiKey is masked by tooling");
        assertEquals("security", apiKey.path("label").asText());
    }

    @Test
    void theCatalogListsTheHeaders() throws Exception {
        JsonNode headers = catalog().path("headers");
        Set<String> names = new HashSet<>();
        headers.fieldNames().forEachRemaining(names::add);
        for (String header : List.of("CamelPixazoPrompt", "CamelPixazoModel", "CamelPixazoN", "CamelPixazoSize",
                "CamelPixazoQuality", "CamelPixazoFormat", "CamelPixazoOutputCompression", "CamelPixazoBackground",
                "CamelPixazoModeration", "CamelPixazoMask", "CamelPixazoRequestId", "CamelPixazoStatus",
                "CamelPixazoMediaUrls", "CamelPixazoMediaType", "CamelFileName", "Content-Type")) {
            assertTrue(names.contains(header), header + " is missing from the catalog");
            assertTrue(headers.path(header).path("description").asText().length() > 10, header + " needs a description");
            assertFalse(headers.path(header).path("javaType").asText().isEmpty(), header + " needs a javaType");
        }
    }

    private static String join(JsonNode array) {
        StringBuilder text = new StringBuilder();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            text.append(it.next().asText()).append(it.hasNext() ? "," : "");
        }
        return text.toString();
    }
}
