package io.github.camelpixazo.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.TestEnvironment;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.EDIT_2;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim "the key never reaches a log line", checked the way a user meets it: the root logger at DEBUG (and at
 * TRACE), every logger of the JVM captured (SLF4J/Log4j and java.util.logging), while generate, edit, status and a
 * download run - with a throttled submit retried, a status query answered 503 then asked again - and the key
 * configured each documented safe way. Zero occurrences: not in a line, not split across lines, not base64- or
 * URL-encoded.
 */
class ApiKeyLoggingTest {

    /** With characters that URL- and base64-encoding change, so the encoded forms are really other strings. */
    private static final String KEY = "pz/Key+5f1d=9c0e&Live";
    private static final String GENERATED = "gpt-image-2_019d0000-0000-0000-0000-00000000109a";
    private static final String EDITED = "gpt-image-2_019d0000-0000-0000-0000-00000000109b";

    /**
     * Loggers kept out of the capture: none. The stand-in gateway is WireMock, not verbose, in this JVM: checked at
     * DEBUG and TRACE, neither it nor its shaded Jetty prints request headers, so every captured line with the key
     * would be the client's (the component's, Camel's or the JDK's).
     */
    private static final Map<String, Level> GATEWAY_SIDE = Map.of();

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;

    @TempDir
    Path folder;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    /** The documented ways to give the key (the component page's table "The API key and logging"). */
    enum KeyWay { COMPONENT, ENVIRONMENT, ENDPOINT_URI }

    /**
     * Every documented safe way at each level it is documented safe for. A key written into an endpoint URI is clean
     * at DEBUG, but Camel core prints endpoint URIs at TRACE: that case, and keys that pass through Camel's property
     * placeholders, are pinned down by {@link CamelCoreKeyLoggingTest}.
     */
    @ParameterizedTest(name = "root at {0}, key set on the {1}")
    @CsvSource({ "DEBUG, COMPONENT", "DEBUG, ENVIRONMENT", "DEBUG, ENDPOINT_URI", "TRACE, COMPONENT", "TRACE, ENVIRONMENT" })
    void theKeyIsInNoLogLineOfAnyLogger(String level, KeyWay way) throws Exception {
        stubEveryCall();
        Path input = Files.write(folder.resolve("input.png"), TestImages.png(64, 48));
        String key = way == KeyWay.ENDPOINT_URI ? "&apiKey=RAW(" + KEY + ")" : "";

        List<String> lines;
        String text;
        try (LogCapture logs = LogCapture.everything(Level.getLevel(level), GATEWAY_SIDE)) {
            CamelContext context = new DefaultCamelContext();
            PixazoComponent pixazo = new PixazoComponent();
            pixazo.getConfiguration().setBaseUrl(gateway.baseUrl());
            pixazo.getConfiguration().setRetryDelay(10);
            if (way == KeyWay.COMPONENT) {
                pixazo.getConfiguration().setApiKey(KEY);
            } else if (way == KeyWay.ENVIRONMENT) {
                TestEnvironment.set(pixazo, Map.of("PIXAZO_API_KEY", KEY));
            }
            context.addComponent("pixazo", pixazo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("pixazo:generate?pollInterval=20ms" + key)
                            .to("log:generated?showAll=true&multiline=true");
                    from("direct:edit").to("pixazo:edit?prompt=Add a flamingo&pollInterval=20ms" + key)
                            .to("log:edited?showAll=true");
                    from("direct:status").to("pixazo:status?pollInterval=20ms" + key).to("log:status?showAll=true");
                }
            });
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                Exchange generated = template.request("direct:generate", e -> e.getIn().setBody("A sunset"));
                assertNull(generated.getException(), () -> "generate: " + generated.getException());
                Exchange edited = template.request("direct:edit", e -> e.getIn().setBody(input.toFile()));
                assertNull(edited.getException(), () -> "edit: " + edited.getException());
                Exchange status = template.request("direct:status", e -> e.getIn().setBody(GENERATED));
                assertNull(status.getException(), () -> "status: " + status.getException());
            } finally {
                context.stop();
            }
            lines = logs.lines();
            text = logs.text();
        }

        // it ran for real: the key reached the gateway, the retries happened, and there was a lot to read
        gateway.api().verify(2, postRequestedFor(urlPathEqualTo(GENERATE_2))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(KEY)));
        gateway.api().verify(1, postRequestedFor(urlPathEqualTo(EDIT_2)));
        assertEquals(2 + 2 + 2 + 1, gateway.apiRequests().size(), "2 submits (429, then 202), 2 status queries (503,"
                                                                   + " then COMPLETED), the edit's submit and status,"
                                                                   + " and pixazo:status");
        assertEquals(2, gateway.mediaRequests().size(), "two downloads");
        Map<String, Long> byLogger = lines.stream().collect(Collectors.groupingBy(
                line -> line.split(" ", 3)[1], TreeMap::new, Collectors.counting()));
        assertTrue(lines.size() > 200 && byLogger.keySet().stream().anyMatch(l -> l.startsWith("org.apache.camel"))
                   && byLogger.keySet().stream().anyMatch(l -> l.startsWith("io.github.camelpixazo")),
                () -> "a root-" + level + " capture from Camel and the component: " + byLogger);

        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("the key", KEY);
        forms.put("base64", Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)));
        forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)));
        forms.put("URL-encoded", URLEncoder.encode(KEY, StandardCharsets.UTF_8));
        forms.put("URL-encoded (%20)", URLEncoder.encode(KEY, StandardCharsets.UTF_8).replace("+", "%20"));
        String squashed = text.replaceAll("\\s", "");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            assertEquals(0, occurrences(text, form.getValue()), () -> form.getKey() + " appears in: " + offending(lines,
                    form.getValue()));
            assertEquals(0, occurrences(squashed, form.getValue().replaceAll("\\s", "")),
                    () -> form.getKey() + " appears split across lines");
        }
        System.out.printf("ApiKeyLoggingTest: root %s, key on the %s: %d lines from %d loggers captured, key"
                          + " occurrences 0%n", level, way, lines.size(), byLogger.size());
    }

    /**
     * The same claim for the other gateways, whose key travels as {@code Authorization: Bearer}: generate (throttled
     * once), a status query answered 503 then completed, an edit (Pixapi: a multipart upload; EvoLink: image URLs),
     * {@code pixazo:status} and the downloads.
     */
    @ParameterizedTest(name = "{1}: root at {0}, key set on the {2}")
    @CsvSource({ "DEBUG, pixapi, COMPONENT", "TRACE, pixapi, ENVIRONMENT", "DEBUG, evolink, ENVIRONMENT",
                 "TRACE, evolink, COMPONENT" })
    void theBearerKeyOfPixapiAndEvolinkIsInNoLogLineEither(String level, String gatewayId, KeyWay way)
            throws Exception {
        boolean pixapi = gatewayId.equals("pixapi");
        String task = pixapi ? "task_109c" : "task-unified-1757156493-log00001";
        String submit = pixapi ? "/v1/async/images/generations" : "/v1/images/generations";
        gateway.reset();
        gateway.stub(post(urlPathEqualTo(submit)).inScenario("submit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\":{\"code\":429,\"message\":\"slow down\"}}")
                        .withHeader("Retry-After", "0")).willSetStateTo("open"));
        gateway.stub(post(urlPathEqualTo(submit)).inScenario("submit").whenScenarioStateIs("open")
                .willReturn(json(200, "{\"id\":\"" + task + "\",\"status\":\"pending\"}")));
        gateway.stub(post(urlPathEqualTo("/v1/async/images/edits"))
                .willReturn(json(200, "{\"id\":\"" + task + "\",\"status\":\"pending\"}")));
        byte[] png = TestImages.png(16, 16);
        gateway.media().stubFor(get(urlPathEqualTo("/r.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(png)));
        String done = pixapi ? "{\"id\":\"" + task + "\",\"status\":\"completed\",\"data\":[{\"url\":\""
                               + gateway.mediaUrl("/r.png") + "\"}]}"
                : "{\"id\":\"" + task + "\",\"status\":\"completed\",\"progress\":100,\"results\":[\""
                  + gateway.mediaUrl("/r.png") + "\"]}";
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + task)).inScenario("status").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}")).willSetStateTo("up"));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + task)).inScenario("status").whenScenarioStateIs("up")
                .willReturn(json(200, done)));
        Path input = Files.write(folder.resolve("input.png"), png);

        List<String> lines;
        String text;
        try (LogCapture logs = LogCapture.everything(Level.getLevel(level), GATEWAY_SIDE)) {
            CamelContext context = new DefaultCamelContext();
            PixazoComponent component = new PixazoComponent();
            component.getConfiguration().setGateway(gatewayId);
            component.getConfiguration().setBaseUrl(gateway.baseUrl());
            component.getConfiguration().setRetryDelay(10);
            if (way == KeyWay.COMPONENT) {
                component.getConfiguration().setApiKey(KEY);
            } else {
                TestEnvironment.set(component, Map.of(gatewayId.toUpperCase() + "_API_KEY", KEY));
            }
            context.addComponent("pixazo", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("pixazo:generate?pollInterval=20ms")
                            .to("log:generated?showAll=true&multiline=true");
                    from("direct:edit").to("pixazo:edit?prompt=Add a flamingo&pollInterval=20ms")
                            .to("log:edited?showAll=true");
                    from("direct:status").to("pixazo:status").to("log:status?showAll=true");
                }
            });
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                Exchange generated = template.request("direct:generate", e -> e.getIn().setBody("A sunset"));
                assertNull(generated.getException(), () -> "generate: " + generated.getException());
                Object editInput = pixapi ? input.toFile() : List.of("https://images.example.com/in.png");
                Exchange edited = template.request("direct:edit", e -> e.getIn().setBody(editInput));
                assertNull(edited.getException(), () -> "edit: " + edited.getException());
                Exchange status = template.request("direct:status", e -> e.getIn().setBody(task));
                assertNull(status.getException(), () -> "status: " + status.getException());
            } finally {
                context.stop();
            }
            lines = logs.lines();
            text = logs.text();
        }

        // Pixapi: 429 then 202 on generations (the edit has its own path); EvoLink: the edit posts there too
        gateway.api().verify(pixapi ? 2 : 3, postRequestedFor(urlPathEqualTo(submit))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertTrue(lines.size() > 100, "a real capture: " + lines.size() + " lines");
        for (String form : List.of(KEY, Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)),
                URLEncoder.encode(KEY, StandardCharsets.UTF_8))) {
            assertEquals(0, occurrences(text, form), () -> "the key appears in: " + offending(lines, form));
            assertEquals(0, occurrences(text.replaceAll("\\s", ""), form), "the key appears split across lines");
        }
        System.out.printf("ApiKeyLoggingTest: %s, root %s, key on the %s: %d lines captured, key occurrences 0%n",
                gatewayId, level, way, lines.size());
    }

    private static void stubEveryCall() {
        gateway.reset();
        // a throttled submit, then accepted
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).inScenario("submit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\":\"Too Many Requests\"}").withHeader("Retry-After", "0"))
                .willSetStateTo("open"));
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).inScenario("submit").whenScenarioStateIs("open")
                .willReturn(json(202, GatewayStub.submitted(GENERATED))));
        // a status query answered 503, then COMPLETED
        gateway.stub(get(urlPathEqualTo(STATUS + GENERATED)).inScenario("status").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{\"error\":\"Service Unavailable\"}")).willSetStateTo("up"));
        byte[] png = TestImages.png(32, 32);
        gateway.media().stubFor(get(urlPathEqualTo("/v1/" + GENERATED + "/output-1")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(png)));
        gateway.stub(get(urlPathEqualTo(STATUS + GENERATED)).inScenario("status").whenScenarioStateIs("up")
                .willReturn(json(200, GatewayStub.status(GENERATED, "COMPLETED", null,
                        List.of(gateway.mediaUrl("/v1/" + GENERATED + "/output-1")), "image/png"))));
        gateway.stubSubmit(EDIT_2, EDITED);
        gateway.stubCompleted(EDITED, "image/png", png);
    }

    private static long occurrences(String text, String fragment) {
        long count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }

    private static String offending(List<String> lines, String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).limit(5).collect(Collectors.joining("\n---\n"));
    }
}
