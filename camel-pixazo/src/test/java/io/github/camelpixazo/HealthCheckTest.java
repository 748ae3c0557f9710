package io.github.camelpixazo;

import java.util.Map;

import io.github.camelpixazo.error.PixazoAuthenticationException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's readiness check through Camel's own health API (what camel-main's /observe/health and
 * camel-spring-boot's actuator call): DOWN with a clear message when no key is configured, DOWN after the gateway
 * answered 401 or 402 (or 403 to a status query), UP again once a later call with the key succeeds.
 */
class HealthCheckTest {

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private CamelContext context;

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    private PixazoComponent start(String apiKey) {
        context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(STUB.stub().baseUrl());
        pixazo.getConfiguration().setApiKey(apiKey);
        pixazo.getConfiguration().setPollInterval(20);
        pixazo.getConfiguration().setMaxPollInterval(50);
        pixazo.getConfiguration().setRetryDelay(10);
        TestEnvironment.set(pixazo, Map.of());
        pixazo.setJobStore(new io.github.camelpixazo.store.MemoryJobStore()); // not data/pixazo-jobs
        context.addComponent("pixazo", pixazo);
        context.start();
        return pixazo;
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream().filter(r -> r.getCheck().getId().equals("pixazo"))
                .findFirst().orElseThrow(() -> new AssertionError("no pixazo check in "
                        + HealthCheckHelper.invokeReadiness(context)));
    }

    private Exchange send(String uri) {
        return context.createProducerTemplate().request(uri, e -> e.getIn().setBody("a cat"));
    }

    @Test
    void downWithoutAKey() {
        start(null);

        HealthCheck.Result result = readiness();

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("No API key for Pixazo") && message.contains("PIXAZO_API_KEY"), message);
        assertEquals("not configured", result.getDetails().get("api.key"));
        assertFalse(result.getCheck().isLiveness(), "readiness only: a restart does not bring a key");
    }

    @Test
    void upWithAKeyAndNoRefusal() {
        start(GatewayStub.KEY);

        HealthCheck.Result result = readiness();

        assertEquals(HealthCheck.State.UP, result.getState());
        assertEquals("configured", result.getDetails().get("api.key"));
        assertFalse(result.getDetails().values().stream().anyMatch(v -> String.valueOf(v).contains(GatewayStub.KEY)));
    }

    @Test
    void downAfterA401UntilALaterCallSucceeds() {
        start("wrong-key");
        GatewayStub stub = STUB.stub();
        stub.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(401, "{\"error\":\"Unauthorized\"}")));
        String uri = "pixazo:generate?waitForCompletion=false";

        assertInstanceOf(PixazoAuthenticationException.class, send(uri).getException());
        HealthCheck.Result down = readiness();

        assertEquals(HealthCheck.State.DOWN, down.getState());
        String message = down.getMessage().orElseThrow();
        assertTrue(message.contains("Pixazo rejected the API key") && message.contains("HTTP 401")
                   && message.contains("until a later call with that key succeeds"), message);
        assertEquals(401, down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        assertFalse(message.contains("wrong-key") || down.getDetails().toString().contains("wrong-key"));

        stub.reset();
        stub.stubSubmit(GENERATE_2, "gpt-image-2_019d0000-0000-0000-0000-0000000000e1");
        assertNull(send(uri).getException());

        assertEquals(HealthCheck.State.UP, readiness().getState(), "the key works again");
    }

    @Test
    void downAfterA402EmptyWallet() {
        start(GatewayStub.KEY);
        STUB.stub().stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(402,
                "{\"error\":\"insufficient_balance\",\"message\":\"top up\"}")));

        assertInstanceOf(PixazoInsufficientBalanceException.class, send("pixazo:generate").getException());
        HealthCheck.Result down = readiness();

        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("insufficient balance: add funds"),
                down.getMessage().orElseThrow());
        assertEquals(402, down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
    }

    @Test
    void downAfterA403ToTheStatusQueryOfAWaitedJob() {
        start(GatewayStub.KEY);
        String id = "gpt-image-2_019d0000-0000-0000-0000-0000000000e2";
        STUB.stub().stubSubmit(GENERATE_2, id);
        STUB.stub().stub(get(urlPathEqualTo(STATUS + id)).willReturn(json(403, "{\"error\":\"Forbidden\"}")));

        assertTrue(send("pixazo:generate").getException() != null);
        HealthCheck.Result down = readiness();

        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().contains("status call"), down.getMessage().orElseThrow());
    }

    @Test
    void anEndpointWithItsOwnKeyMakesAComponentWithoutOneReady() {
        start(null);
        STUB.stub().stubSubmit(GENERATE_2, "gpt-image-2_019d0000-0000-0000-0000-0000000000e3");

        assertNull(send("pixazo:generate?waitForCompletion=false&apiKey=" + GatewayStub.KEY).getException());

        assertEquals(HealthCheck.State.UP, readiness().getState());
    }
}
