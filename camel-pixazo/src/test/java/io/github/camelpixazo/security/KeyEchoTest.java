package io.github.camelpixazo.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.SecretRedactor;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway, API manager or debugging proxy that echoes the key back - in a 2xx page that is not the documented
 * answer, an error body, a status answer, a failed job's reason, a result URL - put it into the exception the route
 * saw and into log lines whenever the echo was not the key as sent (JSON-escaped, URL-encoded, base64) or the answer
 * was not an error status (D1). Now every failure and every quoted text passes one {@link SecretRedactor}: for each
 * gateway and each answer class, the printed exception chain, every log line at DEBUG, and the headers hold the key in
 * no form.
 */
class KeyEchoTest extends PixazoTestSupport {

    /** Characters that JSON, URL and base64 encodings all change. */
    static final String KEY = "pz/Key+5f1d=9c0e&Live";
    static final String TASK = "task-unified-1757156493-echo01";

    /** The forms searched for, each made by the JDK or Jackson, not by the code under test. */
    static final Map<String, String> FORMS = Map.of(
            "as sent", KEY,
            "JSON '\\/'", KEY.replace("/", "\\/"),
            "URL-encoded", URLEncoder.encode(KEY, StandardCharsets.UTF_8),
            "base64", Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)),
            "base64 core", Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)).substring(0, 24));

    enum Answer {
        SUBMIT_2XX_NOT_JSON, SUBMIT_401_JSON_ESCAPED, SUBMIT_502_BASIC_AUTH_ECHO, STATUS_2XX_NOT_JSON,
        STATUS_404_UNICODE_ESCAPED, STATUS_2XX_JSON_WITHOUT_STATUS
    }

    @Override
    protected void configure(PixazoConfiguration configuration) {
        super.configure(configuration);
        configuration.setApiKey(KEY);
        configuration.setJobTimeout(3_000);
        configuration.setMaxRetries(0);
    }

    static Stream<Arguments> everyGatewayAndAnswer() {
        List<Arguments> cases = new ArrayList<>();
        for (String gatewayId : List.of("pixazo", "pixapi", "evolink")) {
            for (Answer answer : Answer.values()) {
                cases.add(Arguments.of(gatewayId, answer));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyGatewayAndAnswer")
    void anEchoedKeyIsInNoExceptionLogLineOrHeader(String gatewayId, Answer answer) {
        context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setGateway(gatewayId);
        boolean submit = answer.name().startsWith("SUBMIT");
        String task = switch (gatewayId) {
            case "pixazo" -> "gpt-image-2_019d0000-0000-0000-0000-0000000d1e00";
            case "pixapi" -> "task_0a1b2c3d4e5f";
            default -> TASK;
        };
        gateway.stub((submit ? post(anyUrl()) : get(anyUrl())).willReturn(reply(answer, task)));

        Exchange out;
        List<String> lines;
        try (LogCapture logs = LogCapture.everything(Level.DEBUG, Map.of())) {
            out = submit ? template.request("pixazo:generate", e -> e.getIn().setBody("A cat"))
                    : template.request("pixazo:status", e -> e.getIn().setBody(task));
            lines = logs.lines();
        }

        assertNotNull(out.getException(), "the answer is refused");
        assertEquals(1, gateway.apiRequests().size());
        List<String> evidence = new ArrayList<>(lines);
        evidence.add(printed(out.getException()));
        out.getMessage().getHeaders().forEach((name, value) -> evidence.add(name + "=" + value));
        assertClean(evidence);
        assertTrue(printed(out.getException()).contains(SecretRedactor.MASK), "the echo was quoted, masked: "
                   + out.getException());
    }

    private static ResponseDefinitionBuilder reply(Answer answer, String task) {
        return switch (answer) {
            case SUBMIT_2XX_NOT_JSON, STATUS_2XX_NOT_JSON -> aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>debug: Authorization: " + KEY + "; Ocp-Apim-Subscription-Key: "
                              + URLEncoder.encode(KEY, StandardCharsets.UTF_8) + "</html>");
            case SUBMIT_401_JSON_ESCAPED -> GatewayStub.json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid key "
                    + KEY.replace("/", "\\/") + "\",\"type\":\"authentication_error\"},\"message\":\"Invalid key "
                    + KEY.replace("/", "\\/") + "\"}");
            case SUBMIT_502_BASIC_AUTH_ECHO -> aResponse().withStatus(502).withBody("upstream refused Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("user:" + KEY).getBytes(StandardCharsets.UTF_8)));
            case STATUS_404_UNICODE_ESCAPED -> GatewayStub.json(404, "{\"error\":{\"code\":404,\"message\":\"no task for "
                    + KEY.replace("/", "\\u002f").replace("&", "\\u0026") + "\"},\"message\":\"no task for "
                    + KEY.replace("/", "\\u002f").replace("&", "\\u0026") + "\"}");
            case STATUS_2XX_JSON_WITHOUT_STATUS -> GatewayStub.json(200, "{\"request_id\":\"" + task + "\",\"id\":\""
                    + task + "\",\"headers\":{\"Authorization\":\"Bearer " + KEY.replace("/", "\\/") + "\"}}");
        };
    }

    /** A failed job whose reason quotes the key: the exception and the header CamelPixazoError stay clean. */
    @Test
    void aFailedJobsReasonQuotingTheKeyIsMasked() {
        String id = "gpt-image-2_019d0000-0000-0000-0000-0000000d1e01";
        gateway.stubSubmit(GatewayStub.GENERATE_2, id);
        gateway.stubStatus(id, "FAILED", "upstream rejected key " + KEY.replace("/", "\\/"));

        Exchange generated;
        Exchange queried;
        List<String> lines;
        try (LogCapture logs = LogCapture.everything(Level.DEBUG, Map.of())) {
            generated = template.request("pixazo:generate", e -> e.getIn().setBody("A cat"));
            queried = template.request("pixazo:status", e -> e.getIn().setBody(id));
            lines = logs.lines();
        }

        assertNotNull(generated.getException());
        String error = queried.getMessage().getHeader(PixazoConstants.ERROR, String.class);
        assertEquals("upstream rejected key " + SecretRedactor.MASK, error);
        List<String> evidence = new ArrayList<>(lines);
        evidence.add(printed(generated.getException()));
        evidence.add(error);
        assertClean(evidence);
    }

    /**
     * The same echoes on the pixazo:jobs path: a FAILED job's reason, and a status query answered 500 with the key in
     * its body until the job times out. The collected exchanges' CamelPixazoError and every log line stay clean.
     */
    @Test
    void jobsCollectedByPixazoJobsCarryNoEchoedKey() throws Exception {
        String failed = "gpt-image-2_019d0000-0000-0000-0000-0000000d1e11";
        String stuck = "gpt-image-2_019d0000-0000-0000-0000-0000000d1e12";
        gateway.stubStatus(failed, "FAILED", "upstream rejected key " + KEY.replace("/", "\\/"));
        gateway.stub(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GatewayStub.STATUS + stuck))
                .willReturn(GatewayStub.json(500, "{\"error\":\"bad key " + KEY.replace("/", "\\/") + "\"}")));
        List<Exchange> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> lines;
        try (LogCapture logs = LogCapture.everything(Level.DEBUG, Map.of())) {
            for (String id : List.of(failed, stuck)) {
                gateway.stubSubmit(GatewayStub.GENERATE_2, id);
                assertNull(template.request("pixazo:generate?waitForCompletion=false&pollInterval=20ms",
                        e -> e.getIn().setBody("A cat")).getException());
            }
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("pixazo:jobs?delay=20&initialDelay=0").process(received::add);
                }
            });
            io.github.camelpixazo.support.Await.until(java.time.Duration.ofSeconds(15), () -> received.size() == 2,
                    "both jobs collected");
            lines = logs.lines();
        }
        List<String> evidence = new ArrayList<>(lines);
        for (Exchange exchange : received) {
            String error = exchange.getMessage().getHeader(PixazoConstants.ERROR, String.class);
            assertNotNull(error, exchange.getMessage().getHeaders().toString());
            evidence.add(error);
            evidence.add(exchange.getMessage().getHeaders().toString());
        }
        assertTrue(evidence.stream().anyMatch(text -> text.contains(SecretRedactor.MASK)), String.join("\n", evidence));
        assertClean(evidence);
    }

    /** A result URL carrying the key (a media host on the gateway's origin), quoted when its download fails. */
    @Test
    void aResultUrlQuotingTheKeyIsMaskedWhenItsDownloadFails() {
        String id = "gpt-image-2_019d0000-0000-0000-0000-0000000d1e02";
        String url = gateway.mediaUrl("/r.png?sig=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8));
        gateway.stubSubmit(GatewayStub.GENERATE_2, id);
        gateway.stub(get(urlPathEqualTo(GatewayStub.STATUS + id)).willReturn(GatewayStub.json(200,
                GatewayStub.status(id, "COMPLETED", null, List.of(url), "image/png"))));
        gateway.media().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(410)));

        Exchange out;
        List<String> lines;
        try (LogCapture logs = LogCapture.everything(Level.DEBUG, Map.of())) {
            out = template.request("pixazo:generate", e -> e.getIn().setBody("A cat"));
            lines = logs.lines();
        }

        assertNotNull(out.getException());
        assertTrue(out.getException().getMessage().contains("/r.png?sig=" + SecretRedactor.MASK + " for job " + id
                + " answered HTTP 410"), out.getException().getMessage());
        assertEquals("/r.png?sig=" + SecretRedactor.MASK, gateway.mediaRequests().get(0).getUrl(),
                "the key never went to the media host");
        List<String> evidence = new ArrayList<>(lines);
        evidence.add(printed(out.getException()));
        assertClean(evidence);
    }

    private static void assertClean(List<String> evidence) {
        for (String text : evidence) {
            FORMS.forEach((form, value) -> assertFalse(text != null && text.contains(value),
                    () -> "the key (" + form + ") leaked into: " + text));
        }
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
