package io.github.camelpixazo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key belongs to one gateway. Several gateways in one CamelContext each keep their own key (a component per
 * gateway); an endpoint that selects another gateway than its component's inherits neither the component's key nor
 * its base URL; without a configured key each gateway reads its own environment variable; the default base URL is the
 * selected gateway's.
 */
class GatewayKeysTest {

    private static final String PIXAZO_KEY = "pixazo-only-4c1d";
    private static final String EVOLINK_KEY = "evolink-only-77aa";
    private static final String TASK = "task-unified-1757156493-keys0001";

    private static GatewayStub pixazo;
    private static GatewayStub evolink;

    @BeforeAll
    static void start() {
        pixazo = new GatewayStub();
        evolink = new GatewayStub();
    }

    @AfterAll
    static void stop() {
        pixazo.close();
        evolink.close();
    }

    @BeforeEach
    void reset() {
        pixazo.reset();
        evolink.reset();
        evolink.stub(post(urlPathEqualTo("/v1/images/generations")).willReturn(json(200, "{\"id\":\"" + TASK
                + "\",\"status\":\"pending\",\"progress\":0}")));
        evolink.media().stubFor(get(urlPathEqualTo("/r.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(TestImages.png(4, 4))));
        evolink.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, "{\"id\":\"" + TASK + "\",\"status\":"
                + "\"completed\",\"progress\":100,\"results\":[\"" + evolink.mediaUrl("/r.png") + "\"]}")));
    }

    /** A pixazo component with the Pixazo key, and the environment it reads; records the variables looked up. */
    private static CamelContext context(Map<String, String> environment, List<String> lookedUp) {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent component = new PixazoComponent();
        component.getConfiguration().setBaseUrl(pixazo.baseUrl());
        component.getConfiguration().setApiKey(PIXAZO_KEY);
        component.getConfiguration().setPollInterval(20);
        component.setEnvironment(name -> {
            lookedUp.add(name);
            return environment.get(name);
        });
        context.addComponent("pixazo", component);
        context.start();
        return context;
    }

    @Test
    void anEndpointOfAnotherGatewayNeverGetsTheComponentsKey() throws Exception {
        List<String> lookedUp = new ArrayList<>();
        try (CamelContext context = context(Map.of("EVOLINK_API_KEY", EVOLINK_KEY), lookedUp)) {
            Exchange out = context.createProducerTemplate().request("pixazo:generate?gateway=evolink&baseUrl="
                    + evolink.baseUrl(), e -> e.getIn().setBody("A prompt for EvoLink"));
            assertNull(out.getException());
        }
        assertEquals(List.of("EVOLINK_API_KEY"), lookedUp, "the component's Pixazo key is not EvoLink's");
        assertTrue(evolink.apiRequests().size() >= 2);
        for (LoggedRequest request : evolink.apiRequests()) {
            assertEquals("Bearer " + EVOLINK_KEY, request.getHeader("Authorization"));
            assertFalse(request.getHeaders().all().toString().contains(PIXAZO_KEY), request.getUrl());
            assertFalse(request.getBodyAsString().contains(PIXAZO_KEY));
        }
        assertEquals(0, pixazo.apiRequests().size());
    }

    @Test
    void withoutItsOwnKeyAnotherGatewaysEndpointFailsAtStartUpAndSendsNothing() throws Exception {
        List<String> lookedUp = new ArrayList<>();
        try (CamelContext context = context(Map.of("PIXAZO_API_KEY", "also-pixazo"), lookedUp)) {
            Exception e = assertThrows(Exception.class, () -> context.getEndpoint("pixazo:generate?gateway=pixapi&baseUrl="
                    + evolink.baseUrl()).createProducer());
            Throwable cause = e;
            while (cause != null && !(cause instanceof PixazoValidationException)) {
                cause = cause.getCause();
            }
            PixazoValidationException missing = assertInstanceOf(PixazoValidationException.class, cause, e.toString());
            assertEquals("apiKey", missing.getOption());
            assertTrue(missing.getMessage().contains("PIXAPI_API_KEY")
                       && missing.getMessage().contains("configured on a component for another gateway"),
                    missing.getMessage());
            assertFalse(missing.getMessage().contains(PIXAZO_KEY));
        }
        assertEquals(List.of("PIXAPI_API_KEY"), lookedUp);
        assertEquals(0, evolink.apiRequests().size());
    }

    @Test
    void theDefaultBaseUrlIsTheSelectedGatewaysNotTheComponents() throws Exception {
        try (CamelContext context = context(Map.of("EVOLINK_API_KEY", "k", "PIXAPI_API_KEY", "k"), new ArrayList<>())) {
            assertEquals("https://api.evolink.ai", context.getEndpoint("pixazo:generate?gateway=evolink",
                    PixazoEndpoint.class).getServiceUrl());
            assertEquals("https://api.pixapi.ai", context.getEndpoint("pixazo:generate?gateway=pixapi",
                    PixazoEndpoint.class).getServiceUrl());
            assertEquals(pixazo.baseUrl(), context.getEndpoint("pixazo:generate", PixazoEndpoint.class).getServiceUrl());
        }
        CamelContext plain = new DefaultCamelContext();
        plain.start();
        try (plain) {
            PixazoEndpoint endpoint = plain.getEndpoint("pixazo:generate?apiKey=k", PixazoEndpoint.class);
            endpoint.start();
            assertEquals("https://gateway.pixazo.ai", endpoint.getServiceUrl());
        }
    }

    @Test
    void aKeyGivenOnTheEndpointIsUsedForItsGateway() throws Exception {
        try (CamelContext context = context(Map.of(), new ArrayList<>())) {
            Exchange out = context.createProducerTemplate().request("pixazo:generate?gateway=evolink&apiKey=RAW("
                    + EVOLINK_KEY + ")&baseUrl=" + evolink.baseUrl(), e -> e.getIn().setBody("p"));
            assertNull(out.getException());
        }
        evolink.apiRequests().forEach(r -> assertEquals("Bearer " + EVOLINK_KEY, r.getHeader("Authorization")));
    }
}
