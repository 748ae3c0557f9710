package io.github.camelpixazo;

import java.util.Map;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When no apiKey is configured the component reads PIXAZO_API_KEY (the JVM's own environment is read in
 * BigImageForkTest's forked application); a configured key wins; with neither, the route fails at start-up naming
 * both ways.
 */
class ApiKeyFromEnvironmentTest {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000000e4e1";

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static CamelContext context(String configuredKey, Map<String, String> environment) throws Exception {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(STUB.stub().baseUrl());
        pixazo.getConfiguration().setPollInterval(20);
        pixazo.getConfiguration().setApiKey(configuredKey);
        TestEnvironment.set(pixazo, environment);
        context.addComponent("pixazo", pixazo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("pixazo:generate");
            }
        });
        return context;
    }

    private static String keySent(String configuredKey, Map<String, String> environment) throws Exception {
        GatewayStub gateway = STUB.stub();
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));
        try (CamelContext context = context(configuredKey, environment)) {
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:generate", e -> e.getIn().setBody("A prompt"));
            assertNull(out.getException());
        }
        return gateway.submits(GENERATE_2).get(0).getHeader("Ocp-Apim-Subscription-Key");
    }

    @Test
    void withoutAConfiguredKeyTheEnvironmentVariableIsUsed() throws Exception {
        assertEquals("key-from-environment", keySent(null, Map.of("PIXAZO_API_KEY", " key-from-environment ")));
    }

    @Test
    void aConfiguredKeyWinsOverTheEnvironment() throws Exception {
        assertEquals("configured-key", keySent("configured-key", Map.of("PIXAZO_API_KEY", "key-from-environment")));
        STUB.stub().api().verify(0, postRequestedFor(urlPathEqualTo(GENERATE_2))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("key-from-environment")));
    }

    @Test
    void withNeitherTheRouteFailsAtStartUpNamingBothWays() throws Exception {
        try (CamelContext context = context(null, Map.of())) {
            Exception e = assertThrows(Exception.class, context::start);
            Throwable cause = e;
            while (cause != null && !(cause instanceof PixazoValidationException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null, "a PixazoValidationException: " + e);
            assertTrue(cause.getMessage().contains("PIXAZO_API_KEY") && cause.getMessage().contains("apiKey")
                       && cause.getMessage().contains("camel.component.pixazo.api-key"), cause.getMessage());
        }
        assertEquals(0, STUB.stub().apiRequests().size(), "nothing was sent");
    }
}
