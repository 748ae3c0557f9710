package io.github.camelpixazo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeAll;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets shipped in the jar (kamelets/*.kamelet.yaml, where camel-kamelet looks by default): each one is run
 * through {@code kamelet:} from a YAML route as a designer writes it (src/test/resources/routes/kamelets.camel.yaml)
 * against a WireMock gateway, and each definition is held to Camel's Kamelet format and to the component's catalog.
 */
class KameletTest {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000ca3e1";

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;

    @TempDir
    Path out;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    private Main start() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/kamelets.camel.yaml");
        main.addInitialProperty("camel.component.pixazo.api-key", GatewayStub.KEY);
        main.addInitialProperty("camel.component.pixazo.poll-interval", "20ms");
        main.addInitialProperty("camel.component.pixazo.job-store-directory", out.resolve("job-store").toString());
        main.addInitialProperty("gateway.url", gateway.baseUrl());
        main.addInitialProperty("out.dir", out.toString());
        main.start();
        return main;
    }

    @Test
    void theGenerateActionTurnsThePromptInTheBodyIntoAnImage() throws Exception {
        byte[] webp = TestImages.webpHeader(1536, 1024);
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/webp", webp);
        Main main = start();
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:poster", "A retro poster of Lisbon trams");
        } finally {
            main.stop();
        }

        assertArrayEquals(webp, Files.readAllBytes(out.resolve("posters").resolve(ID + ".webp")));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GatewayStub.GENERATE_2))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(GatewayStub.KEY))
                .withRequestBody(equalToJson("{\"prompt\":\"A retro poster of Lisbon trams\",\"size\":\"1536x1024\","
                                             + "\"quality\":\"high\",\"format\":\"webp\"}", false, false)));
    }

    @Test
    void theEditActionEditsTheImageInTheBody() throws Exception {
        byte[] input = TestImages.png(40, 30);
        byte[] edited = TestImages.png(41, 31);
        gateway.stubSubmit(GatewayStub.EDIT_2, ID);
        gateway.stubCompleted(ID, "image/png", edited);
        Main main = start();
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:retouch", input);
        } finally {
            main.stop();
        }

        assertArrayEquals(edited, Files.readAllBytes(out.resolve("retouched").resolve(ID + ".png")));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GatewayStub.EDIT_2)).withRequestBody(equalToJson(
                "{\"prompt\":\"Replace the background with a bright studio setup\",\"quality\":\"low\",\"image\":\""
                + "data:image/png;base64," + Base64.getEncoder().encodeToString(input) + "\"}", false, false)));
    }

    @Test
    void theJobsSourceDeliversEachJobSubmittedWithoutWaiting() throws Exception {
        byte[] png = TestImages.png(24, 16);
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", png);
        Main main = start();
        try {
            main.getCamelContext().createProducerTemplate().sendBodyAndHeader("direct:later", "A harbour at night",
                    "promptName", "harbour");
            Path collected = out.resolve("collected").resolve("harbour.png");
            // file: writes in place: the file exists before its bytes are in, so wait for all of them
            io.github.camelpixazo.support.Await.until(java.time.Duration.ofSeconds(60),
                    () -> collected.toFile().length() == png.length, "the collected image");
            assertArrayEquals(png, Files.readAllBytes(collected));
        } finally {
            main.stop();
        }
        gateway.api().verify(1, postRequestedFor(urlPathEqualTo(GatewayStub.GENERATE_2)));
    }

    /**
     * The component is configured with a key and a baseUrl (an API manager, a sandbox); a route uses the Kamelet
     * without baseUrl, as the docs show it. The request, with the component's key, goes to the component's baseUrl.
     */
    @ParameterizedTest
    @ValueSource(strings = { "pixazo-generate-action", "pixazo-edit-action" })
    void aKameletWithoutBaseUrlUsesTheComponentsBaseUrlAndKey(String name) throws Exception {
        String path = name.contains("edit") ? GatewayStub.EDIT_2 : GatewayStub.GENERATE_2;
        gateway.reset();
        gateway.stubSubmit(path, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));
        Path routes = Files.writeString(out.resolve("k.camel.yaml"), "- route:\n"
                + "    from:\n"
                + "      uri: direct:k\n"
                + "      steps:\n"
                + "        - to:\n"
                + "            uri: kamelet:" + name + "\n"
                + "            parameters:\n"
                + "              size: 1536x1024\n"
                + (name.contains("edit") ? "              prompt: Make it blue\n" : ""));
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + routes.toAbsolutePath());
        main.addInitialProperty("camel.component.pixazo.api-key", "component-key-77");
        main.addInitialProperty("camel.component.pixazo.base-url", gateway.baseUrl());
        main.addInitialProperty("camel.component.pixazo.model", "gpt-image-2");
        main.addInitialProperty("camel.component.pixazo.poll-interval", "20ms");
        main.start();
        try {
            Object body = name.contains("edit") ? TestImages.png(16, 16) : "A lighthouse";
            org.apache.camel.Exchange done = main.getCamelContext().createProducerTemplate().request("direct:k",
                    e -> e.getIn().setBody(body));
            assertEquals(null, done.getException());
            for (org.apache.camel.Endpoint endpoint : main.getCamelContext().getEndpoints()) {
                if (endpoint instanceof PixazoEndpoint pixazo) {
                    assertEquals(gateway.baseUrl(), pixazo.getConfiguration().getBaseUrl(), endpoint.getEndpointUri());
                }
            }
        } finally {
            main.stop();
        }
        gateway.api().verify(postRequestedFor(urlPathEqualTo(path))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("component-key-77")));
    }

    private static JsonNode kamelet(String name) throws Exception {
        try (InputStream in = KameletTest.class.getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertNotNull(in, "kamelets/" + name + ".kamelet.yaml is not in the jar");
            return new ObjectMapper().valueToTree(new Load(LoadSettings.builder().build()).loadFromInputStream(in));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pixazo-generate-action", "pixazo-edit-action", "pixazo-jobs-source" })
    void theDefinitionIsInCamelsKameletFormatAndAgreesWithTheCatalog(String name) throws Exception {
        JsonNode kamelet = kamelet(name);
        JsonNode catalog = GeneratedMetadataTest.catalog().path("properties");
        assertEquals("Kamelet", kamelet.path("kind").asText());
        assertEquals(name, kamelet.at("/metadata/name").asText());
        boolean source = name.endsWith("-source");
        assertEquals(source ? "source" : "action",
                kamelet.at("/metadata/labels/camel.apache.org~1kamelet.type").asText());
        // the Kamelet names the artifact and version it ships in
        String version = GeneratedMetadataTest.catalog().at("/component/version").asText();
        assertEquals(version, kamelet.at("/metadata/annotations/camel.apache.org~1catalog.version").asText());
        assertTrue(kamelet.at("/spec/dependencies").toString().contains("mvn:io.github.camelpixazo:camel-pixazo:" + version));

        List<String> problems = new ArrayList<>();
        JsonNode properties = kamelet.at("/spec/definition/properties");
        // an action passes its properties to the pixazo: step, a source to its pixazo: from
        JsonNode parameters = source ? kamelet.at("/spec/template/from/parameters")
                : kamelet.at("/spec/template/from/steps/0/to/parameters");
        if (source) {
            assertEquals("pixazo:jobs", kamelet.at("/spec/template/from/uri").asText());
            assertEquals("kamelet:sink", kamelet.at("/spec/template/from/steps/0/to").asText());
        }
        for (Map.Entry<String, JsonNode> entry : iterable(properties)) {
            String property = entry.getKey();
            JsonNode definition = entry.getValue();
            if (definition.path("title").asText().isBlank() || definition.path("description").asText().length() < 20) {
                problems.add(property + ": needs a title and a description");
            }
            // each Kamelet property is the component option of the same name, used in the template
            JsonNode option = catalog.path(property);
            if (option.isMissingNode()) {
                problems.add(property + ": no such pixazo option");
                continue;
            }
            // optional, without default: a Kamelet property the user did not set must leave the component's
            // configuration in force (a default baseUrl here once sent the component's key to the public gateway
            // although the component was configured with another)
            String template = parameters.path(property).asText();
            if (!template.equals("{{?" + property + "}}")) {
                problems.add(property + ": the template must pass it as {{?" + property + "}} (optional), not '"
                             + template + "'");
            }
            if (definition.has("default")) {
                problems.add(property + ": has a default, which would override the component's " + property);
            }
            List<String> kameletEnum = texts(definition.path("enum"));
            List<String> optionEnum = texts(option.path("enum"));
            if (!kameletEnum.isEmpty() && !kameletEnum.equals(optionEnum)) {
                problems.add(property + ": enum " + kameletEnum + " but the component accepts " + optionEnum);
            }
            String expectedType = switch (option.path("type").asText()) {
                case "integer" -> "integer";
                case "boolean" -> "boolean";
                case "number" -> "number";
                default -> "string";
            };
            if (!expectedType.equals(definition.path("type").asText())) {
                problems.add(property + ": type " + definition.path("type").asText() + ", expected " + expectedType);
            }
            boolean secret = option.path("secret").asBoolean();
            boolean masked = "password".equals(definition.path("format").asText())
                             && definition.path("x-descriptors").toString().contains("urn:camel:group:credentials");
            if (secret != masked) {
                problems.add(property + ": secret options (and only they) get format password and the credentials"
                             + " x-descriptor");
            }
        }
        for (Map.Entry<String, JsonNode> parameter : iterable(parameters)) {
            if (!properties.has(parameter.getKey())) {
                problems.add("template parameter " + parameter.getKey() + " is not a declared property");
            }
        }
        for (JsonNode required : kamelet.at("/spec/definition/required")) {
            problems.add(required.asText() + ": required, but the component's configuration (or a header) may give it");
        }
        assertFalse(properties.path("apiKey").isMissingNode(), "the key can be given to the Kamelet");
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
