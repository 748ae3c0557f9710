package io.github.camelpixazo;

import java.net.ServerSocket;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.error.PixazoJobNotTakenException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover between gateways with Camel's own load balancer: {@code loadBalance().failover(
 * PixazoJobNotTakenException.class)} moves a message from Pixazo to Pixapi only when Pixazo certainly did not take the
 * job, and never when it may have (a 500 on the submit, a job that failed). Two WireMock gateways count every request;
 * each sees only its own key. The same route is run from Java, YAML and XML.
 */
class FailoverTest {

    private static final String PIXAZO_KEY = "pixazo-key-1f2e3d";
    private static final String PIXAPI_KEY = "pixapi-key-9a8b7c";
    private static final String PIXAZO_ID = "gpt-image-2_019d0000-0000-0000-0000-00000000fa11";
    private static final String TASK = "task_f0a1";
    private static final String PIXAZO_SUBMIT = "/gpt-image-2/v1/text-to-image";
    private static final String PIXAPI_SUBMIT = "/v1/async/images/generations";
    private static final byte[] PIXAPI_IMAGE = TestImages.png(11, 7);

    private static GatewayStub pixazo;
    private static GatewayStub pixapi;

    @BeforeAll
    static void start() {
        pixazo = new GatewayStub();
        pixapi = new GatewayStub();
    }

    @AfterAll
    static void stop() {
        pixazo.close();
        pixapi.close();
    }

    @BeforeEach
    void reset() {
        pixazo.reset();
        pixapi.reset();
        pixapi.stub(post(urlPathEqualTo(PIXAPI_SUBMIT)).willReturn(json(200, "{\"id\":\"" + TASK + "\",\"status\":"
                + "\"pending\"}")));
        pixapi.media().stubFor(get(urlPathEqualTo("/out.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(PIXAPI_IMAGE)));
        pixapi.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, "{\"id\":\"" + TASK + "\",\"status\":"
                + "\"completed\",\"data\":[{\"url\":\"" + pixapi.mediaUrl("/out.png") + "\"}]}")));
    }

    private static CamelContext javaContext(String pixazoBaseUrl) throws Exception {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent first = new PixazoComponent();
        first.getConfiguration().setBaseUrl(pixazoBaseUrl);
        first.getConfiguration().setApiKey(PIXAZO_KEY);
        first.getConfiguration().setPollInterval(20);
        first.getConfiguration().setRetryDelay(5);
        context.addComponent("pixazo", first);
        // the second gateway: the same component class under another name, with its own gateway and key
        PixazoComponent second = new PixazoComponent();
        second.getConfiguration().setGateway("pixapi");
        second.getConfiguration().setBaseUrl(pixapi.baseUrl());
        second.getConfiguration().setApiKey(PIXAPI_KEY);
        second.getConfiguration().setPollInterval(20);
        context.addComponent("pixapi", second);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate")
                        .loadBalance().failover(PixazoJobNotTakenException.class)
                            .to("pixazo:generate?maxRetries=0")
                            .to("pixapi:generate")
                        .end();
            }
        });
        context.start();
        return context;
    }

    private static Exchange send(CamelContext context, String prompt) {
        return context.createProducerTemplate().request("direct:generate", e -> e.getIn().setBody(prompt));
    }

    @Test
    void pixazoOutOfBalanceMeansPixapiDoesTheJob() throws Exception {
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).willReturn(json(402, "{\"error\":\"Insufficient Balance\","
                + "\"message\":\"Your wallet does not have enough balance.\"}")));
        try (CamelContext context = javaContext(pixazo.baseUrl())) {
            Exchange out = send(context, "A lighthouse");

            assertNull(out.getException());
            assertArrayEquals(PIXAPI_IMAGE, out.getMessage().getBody(byte[].class));
            assertEquals("pixapi", out.getMessage().getHeader(PixazoConstants.GATEWAY));
        }
        assertEquals(1, pixazo.submits(PIXAZO_SUBMIT).size());
        assertEquals(1, pixapi.submits(PIXAPI_SUBMIT).size());
        assertKeysConfined();
    }

    @Test
    void aServerErrorOnTheSubmitResubmitsNothingAnywhere() throws Exception {
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).willReturn(json(500, "{\"error\":\"Internal Server Error\"}")));
        try (CamelContext context = javaContext(pixazo.baseUrl())) {
            Exchange out = send(context, "A lighthouse");

            PixazoException e = assertInstanceOf(PixazoException.class, out.getException());
            assertFalse(e instanceof PixazoJobNotTakenException);
            assertEquals(500, e.getHttpStatus());
        }
        assertEquals(1, pixazo.apiRequests().size(), "submitted once, never again");
        assertEquals(0, pixapi.apiRequests().size(), "nothing sent to the other gateway");
    }

    @Test
    void aJobThatWasTakenAndFailedIsNotMovedEither() throws Exception {
        pixazo.stubSubmit(PIXAZO_SUBMIT, PIXAZO_ID);
        pixazo.stubStatus(PIXAZO_ID, "FAILED", "Content policy");
        try (CamelContext context = javaContext(pixazo.baseUrl())) {
            assertInstanceOf(PixazoJobFailedException.class, send(context, "Refused").getException());
        }
        assertEquals(1, pixazo.submits(PIXAZO_SUBMIT).size());
        assertEquals(0, pixapi.apiRequests().size());
    }

    /**
     * A submit throttled once (429: not taken), then sent again and cut by jobTimeout before any answer: the job may
     * exist, so neither the exception nor anything in its cause chain (Camel's failover looks through causes) may be
     * a PixazoJobNotTakenException.
     */
    @Test
    void aSubmitCutByTheDeadlineAfterBeingSentIsNotMovedEvenAfterAnEarlier429() throws Exception {
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).inScenario("cut").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(json(429, "{\"error\":\"Too Many Requests\"}").withHeader("Retry-After", "1"))
                .willSetStateTo("slow"));
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).inScenario("cut").whenScenarioStateIs("slow")
                .willReturn(json(202, GatewayStub.submitted(PIXAZO_ID)).withFixedDelay(10_000)));
        try (CamelContext context = javaContext(pixazo.baseUrl())) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cut").loadBalance().failover(PixazoJobNotTakenException.class)
                            .to("pixazo:generate?jobTimeout=2500ms").to("pixapi:generate").end();
                }
            });
            Exchange out = context.createProducerTemplate().request("direct:cut", e -> e.getIn().setBody("Slow"));

            io.github.camelpixazo.error.PixazoTimeoutException e = assertInstanceOf(
                    io.github.camelpixazo.error.PixazoTimeoutException.class, out.getException());
            assertTrue(e.getMessage().contains("may have been queued"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(t instanceof PixazoJobNotTakenException, "in the cause chain: " + t);
            }
        }
        assertEquals(2, pixazo.submits(PIXAZO_SUBMIT).size());
        assertEquals(0, pixapi.apiRequests().size(), "nothing moved to the other gateway");
    }

    @Test
    void anUnreachableOrThrottlingGatewayPassesTheJobOn() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (CamelContext context = javaContext("http://127.0.0.1:" + closed)) {
            assertNull(send(context, "Refused connection").getException());
        }
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).willReturn(json(429, "{\"error\":\"Too Many Requests\"}")));
        try (CamelContext context = javaContext(pixazo.baseUrl())) {
            assertNull(send(context, "Throttled").getException());
        }
        assertEquals(2, pixapi.submits(PIXAPI_SUBMIT).size());
        assertKeysConfined();
    }

    @Test
    void aMessageTheFirstGatewayCannotTakeIsValidatedLocallyAndPassedOn() throws Exception {
        // Pixapi takes no image URLs (multipart uploads only); Pixazo does: the local refusal moves the message
        pixazo.stubSubmit("/gpt-image-2/v1/image-to-image-edit", PIXAZO_ID);
        pixazo.stubCompleted(PIXAZO_ID, "image/png", TestImages.png(3, 3));
        try (CamelContext context = javaContext(pixazo.baseUrl())) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").loadBalance().failover(PixazoJobNotTakenException.class)
                            .to("pixapi:edit?prompt=Brighter").to("pixazo:edit?prompt=Brighter").end();
                }
            });
            Exchange out = context.createProducerTemplate().request("direct:edit",
                    e -> e.getIn().setBody("https://images.example.com/photo.png"));
            assertNull(out.getException());
            assertEquals("pixazo", out.getMessage().getHeader(PixazoConstants.GATEWAY));
        }
        assertEquals(0, pixapi.apiRequests().size(), "refused before anything was sent");
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "xml" })
    void theRouteFilesFailOverTheSameWay(String dsl) throws Exception {
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).willReturn(json(402, "{\"error\":\"Insufficient Balance\"}")));
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/failover.camel." + dsl);
        main.addInitialProperty("camel.component.pixazo.base-url", pixazo.baseUrl());
        main.addInitialProperty("camel.component.pixazo.api-key", PIXAZO_KEY);
        main.addInitialProperty("pixapi.key", PIXAPI_KEY);
        main.addInitialProperty("pixapi.baseUrl", pixapi.baseUrl());
        if (dsl.equals("xml")) {
            // the XML route file declares no beans: the second component comes from properties, as in Camel Main
            main.addInitialProperty("camel.beans.pixapi", "#class:io.github.camelpixazo.PixazoComponent");
            main.addInitialProperty("camel.component.pixapi.gateway", "pixapi");
            main.addInitialProperty("camel.component.pixapi.api-key", PIXAPI_KEY);
            main.addInitialProperty("camel.component.pixapi.base-url", pixapi.baseUrl());
            main.addInitialProperty("camel.component.pixapi.poll-interval", "20ms");
        }
        main.start();
        try {
            Exchange out = main.getCamelContext().createProducerTemplate().request("direct:" + dsl + "-failover",
                    e -> e.getIn().setBody("A route file"));
            assertNull(out.getException());
            assertArrayEquals(PIXAPI_IMAGE, out.getMessage().getBody(byte[].class));
        } finally {
            main.stop();
        }
        assertEquals(1, pixazo.submits(PIXAZO_SUBMIT).size());
        assertEquals(1, pixapi.submits(PIXAPI_SUBMIT).size());

        pixazo.reset();
        reset();
        pixazo.stub(post(urlPathEqualTo(PIXAZO_SUBMIT)).willReturn(json(500, "{}")));
        main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/failover.camel." + dsl);
        main.addInitialProperty("camel.component.pixazo.base-url", pixazo.baseUrl());
        main.addInitialProperty("camel.component.pixazo.api-key", PIXAZO_KEY);
        main.addInitialProperty("pixapi.key", PIXAPI_KEY);
        main.addInitialProperty("pixapi.baseUrl", pixapi.baseUrl());
        if (dsl.equals("xml")) {
            main.addInitialProperty("camel.beans.pixapi", "#class:io.github.camelpixazo.PixazoComponent");
            main.addInitialProperty("camel.component.pixapi.gateway", "pixapi");
            main.addInitialProperty("camel.component.pixapi.api-key", PIXAPI_KEY);
            main.addInitialProperty("camel.component.pixapi.base-url", pixapi.baseUrl());
        }
        main.start();
        try {
            Exchange out = main.getCamelContext().createProducerTemplate().request("direct:" + dsl + "-failover",
                    e -> e.getIn().setBody("A route file"));
            assertNotNull(out.getException());
        } finally {
            main.stop();
        }
        assertEquals(1, pixazo.apiRequests().size());
        assertEquals(0, pixapi.apiRequests().size());
    }

    /** Each gateway saw only its own key, in its own header. */
    private static void assertKeysConfined() {
        for (LoggedRequest request : pixazo.apiRequests()) {
            assertEquals(PIXAZO_KEY, request.getHeader("Ocp-Apim-Subscription-Key"));
            assertFalse(request.containsHeader("Authorization"));
            assertFalse(request.getHeaders().all().toString().contains(PIXAPI_KEY));
        }
        List<LoggedRequest> pixapiRequests = pixapi.apiRequests();
        assertTrue(!pixapiRequests.isEmpty());
        for (LoggedRequest request : pixapiRequests) {
            assertEquals("Bearer " + PIXAPI_KEY, request.getHeader("Authorization"));
            assertFalse(request.containsHeader("Ocp-Apim-Subscription-Key"));
            assertFalse(request.getHeaders().all().toString().contains(PIXAZO_KEY));
        }
        for (GatewayStub stub : List.of(pixazo, pixapi)) {
            stub.mediaRequests().forEach(r -> {
                assertFalse(r.getHeaders().all().toString().contains(PIXAZO_KEY));
                assertFalse(r.getHeaders().all().toString().contains(PIXAPI_KEY));
            });
        }
    }
}
