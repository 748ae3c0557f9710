package io.github.camelpixazo.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.logging.log4j.Level;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.ModelToXMLDumper;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API key goes only to the baseUrl origin and nowhere else: not to the media host, not to the polling_url the
 * gateway suggests, not into logs at any level, exception messages, toString() or route dumps.
 */
class ApiKeyConfinementTest {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000005ec";
    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    private static CamelContext context(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("pixazo.apiKey", KEY);
        context.getPropertiesComponent().setInitialProperties(properties);
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(gateway.baseUrl());
        pixazo.getConfiguration().setPollInterval(20);
        pixazo.getConfiguration().setRetryDelay(5);
        context.addComponent("pixazo", pixazo);
        context.addRoutes(routes);
        return context;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void theKeyGoesOnlyToTheBaseUrlOriginNeverToMediaOrPollingUrls() throws Exception {
        // the gateway suggests a polling_url on another origin: following it would leak the key there
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(GatewayStub.json(202, "{\"request_id\":\"" + ID
                + "\",\"status\":\"QUEUED\",\"polling_url\":\"" + gateway.mediaUrl(GatewayStub.STATUS + ID) + "\"}")));
        gateway.stubCompleted(ID, "image/png", TestImages.png(16, 16));
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("pixazo:generate?apiKey={{pixazo.apiKey}}");
            }
        });
        context.start();
        try {
            Exchange out = context.createProducerTemplate().request("direct:generate", e -> e.getIn().setBody("A sunset"));
            assertNull(out.getException());
        } finally {
            context.stop();
        }

        List<LoggedRequest> api = gateway.apiRequests();
        assertEquals(2, api.size(), "one submit, one status query");
        api.forEach(r -> assertEquals(KEY, r.getHeader("Ocp-Apim-Subscription-Key"), r.getUrl()));
        List<LoggedRequest> media = gateway.mediaRequests();
        assertEquals(1, media.size(), "only the image download goes to the media host");
        assertFalse(media.get(0).getUrl().contains("/v2/requests/status"), "the polling_url must not be followed");
        media.forEach(r -> assertFalse(r.containsHeader("Ocp-Apim-Subscription-Key"), r.getUrl()));
    }

    @Test
    void theKeyNeverAppearsInLogsExceptionsToStringOrRouteDumps() throws Exception {
        // a gateway that echoes the key in its error text must not make us print it
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(GatewayStub.json(401,
                "{\"error\":\"Unauthorized\",\"message\":\"Key " + KEY + " is not active\"}")));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int refusedPort = closedPort;
        List<String> evidence = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            CamelContext context = context(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:inUri").routeId("inUri").to("pixazo:generate?apiKey={{pixazo.apiKey}}");
                    from("direct:onComponent").routeId("onComponent").to("pixazo:generate");
                    from("direct:refused").to("pixazo:generate?apiKey=RAW(" + KEY + ")&baseUrl=http://127.0.0.1:" + refusedPort);
                    from("direct:invalid").setHeader("CamelPixazoSize", constant("13x13"))
                            .to("pixazo:generate?apiKey={{pixazo.apiKey}}");
                }
            });
            context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setApiKey(KEY);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (String route : List.of("direct:inUri", "direct:onComponent", "direct:refused", "direct:invalid")) {
                Exchange out = template.request(route, e -> e.getIn().setBody("A prompt"));
                assertNotNull(out.getException(), route + " should fail");
                evidence.add(stackTrace(out.getException()));
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                evidence.add(endpoint.toString());
            }
            evidence.add(context.getComponent("pixazo", PixazoComponent.class).getConfiguration().toString());
            context.getRoutes().forEach(route -> evidence.add(route.toString() + " " + route.getEndpoint()));
            // route dumps as tooling shows them. With the key on the component (the documented way) even a dump
            // with resolved placeholders is clean; a key written into a URI is only safe in unresolved dumps, because
            // Camel core prints resolved URIs verbatim (docs/pixazo-component.adoc says so).
            ModelToXMLDumper dumper = PluginHelper.getModelToXMLDumper(context);
            ModelCamelContext model = (ModelCamelContext) context;
            String resolved = dumper.dumpModelAsXml(context, model.getRouteDefinition("onComponent"), true, false, false);
            String unresolved = dumper.dumpModelAsXml(context, model.getRouteDefinition("inUri"), false, false, false);
            assertTrue(resolved.contains("pixazo:generate") && unresolved.contains("{{pixazo.apiKey}}"), unresolved);
            evidence.add(resolved);
            evidence.add(unresolved);
            context.stop();
            // an endpoint rejected at start-up: Camel prints its URI in the failure
            CamelContext broken = context(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:broken").to("pixazo:generate?apiKey={{pixazo.apiKey}}&size=13x13");
                }
            });
            try {
                broken.start();
            } catch (Exception e) {
                evidence.add(stackTrace(e));
            }
            evidence.addAll(logs.lines());
        }

        assertTrue(evidence.stream().anyMatch(e -> e.contains("PixazoAuthenticationException")), "401 happened");
        for (String text : evidence) {
            assertFalse(text.contains(KEY), () -> "the key leaked into: " + text);
        }
    }

    /**
     * Camel core at DEBUG, with the key configured the documented way (on the component): still no trace of it. (The
     * whole-JVM check, every logger at DEBUG and TRACE through every operation, is {@code ApiKeyLoggingTest}.)
     */
    @Test
    void withTheKeyOnTheComponentEvenDebugLoggingStaysClean() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(16, 16));
        List<String> lines;
        try (LogCapture logs = new LogCapture(Map.of("org.apache.camel", Level.DEBUG))) {
            CamelContext context = context(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("pixazo:generate").to("log:result?showHeaders=true");
                }
            });
            context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setApiKey(KEY);
            context.start();
            try {
                Exchange out = context.createProducerTemplate().request("direct:generate", e -> e.getIn().setBody("A sunset"));
                assertNull(out.getException());
            } finally {
                context.stop();
            }
            lines = logs.lines();
        }

        assertTrue(lines.size() > 50 && lines.stream().anyMatch(l -> l.startsWith("DEBUG org.apache.camel")),
                "DEBUG lines of Camel were captured: " + lines.size());
        assertEquals(1, gateway.submits(GENERATE_2).size());
        assertEquals(KEY, gateway.submits(GENERATE_2).get(0).getHeader("Ocp-Apim-Subscription-Key"));
        for (String line : lines) {
            assertFalse(line.contains(KEY), () -> "the key leaked into: " + line);
        }
    }

    /**
     * Pixapi and EvoLink: the key goes only to the baseUrl origin, as {@code Authorization: Bearer}; never to the
     * media host; and a gateway echoing it in an error text does not make any exception, toString() or endpoint text
     * carry it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "pixapi", "evolink" })
    void theBearerKeyGoesOnlyToItsGatewaysOriginAndIntoNoMessage(String gatewayId) throws Exception {
        boolean pixapi = gatewayId.equals("pixapi");
        String task = pixapi ? "task_5ec" : "task-unified-1757156493-confine1";
        String submit = pixapi ? "/v1/async/images/generations" : "/v1/images/generations";
        gateway.stub(post(urlPathEqualTo(submit)).willReturn(GatewayStub.json(200, "{\"id\":\"" + task
                + "\",\"status\":\"pending\"}")));
        gateway.media().stubFor(get(urlPathEqualTo("/r.png")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withHeader("Content-Type", "image/png").withBody(TestImages.png(8, 8))));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + task)).willReturn(GatewayStub.json(200, "{\"id\":\"" + task
                + "\",\"status\":\"completed\",\"results\":[\"" + gateway.mediaUrl("/r.png") + "\"]}")));
        List<String> evidence = new ArrayList<>();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to("pixazo:generate?gateway=" + gatewayId + "&apiKey={{pixazo.apiKey}}&baseUrl="
                        + gateway.baseUrl());
                from("direct:echo").to("pixazo:generate?gateway=" + gatewayId + "&apiKey={{pixazo.apiKey}}&baseUrl="
                        + gateway.baseUrl() + "&model=gpt-image-1.5");
            }
        });
        context.start();
        try {
            Exchange ok = context.createProducerTemplate().request("direct:ok", e -> e.getIn().setBody("A sunset"));
            assertNull(ok.getException());
            gateway.api().resetRequests();
            gateway.stub(post(urlPathEqualTo(submit)).willReturn(GatewayStub.json(401, "{\"error\":{\"code\":401,"
                    + "\"message\":\"Key Bearer " + KEY + " is not active\",\"type\":\"authentication_error\"}}")));
            Exchange echoed = context.createProducerTemplate().request("direct:echo", e -> e.getIn().setBody("p"));
            assertNotNull(echoed.getException());
            evidence.add(stackTrace(echoed.getException()));
            for (Endpoint endpoint : context.getEndpoints()) {
                evidence.add(endpoint.toString());
                if (endpoint instanceof io.github.camelpixazo.PixazoEndpoint pixazo) {
                    evidence.add(pixazo.getConfiguration().toString());
                }
            }
        } finally {
            context.stop();
        }
        assertTrue(evidence.get(0).contains("PixazoAuthenticationException") && evidence.get(0).contains("xxxxxx"),
                evidence.get(0));
        for (String text : evidence) {
            assertFalse(text.contains(KEY), () -> "the key leaked into: " + text);
        }
        gateway.mediaRequests().forEach(r -> assertFalse(r.containsHeader("Authorization"), r.getUrl()));
        assertEquals(1, gateway.mediaRequests().size());
    }
}
