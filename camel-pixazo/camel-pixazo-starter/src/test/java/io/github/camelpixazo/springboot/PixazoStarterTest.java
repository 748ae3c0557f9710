package io.github.camelpixazo.springboot;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.http.HttpClientConfigurer;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application configured only through application.properties (src/test/resources): every property
 * reaches the component, and what goes on the wire to a WireMock gateway is what the properties say.
 */
@SpringBootTest(classes = StarterTestApplication.class)
class PixazoStarterTest {

    static final String ID = "gpt-image-2_019d0000-0000-0000-0000-000000005b01";
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };
    static final WireMockServer GATEWAY = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        // before the Spring context exists: application.properties reads the port from here
        GATEWAY.start();
        System.setProperty("pixazo.test.gateway-port", String.valueOf(GATEWAY.port()));
        GATEWAY.stubFor(post(urlPathEqualTo("/gpt-image-2/v1/text-to-image")).willReturn(json(
                "{\"request_id\":\"" + ID + "\",\"status\":\"QUEUED\",\"polling_url\":\"x\"}", 202)));
        GATEWAY.stubFor(get(urlPathEqualTo("/v2/requests/status/" + ID)).willReturn(json(
                "{\"request_id\":\"" + ID + "\",\"status\":\"COMPLETED\",\"model_id\":\"gpt-image-2\",\"error\":null,"
                + "\"output\":{\"media_url\":[\"" + "http://127.0.0.1:" + GATEWAY.port() + "/media/" + ID + ".jpeg\"],"
                + "\"media_type\":\"image/jpeg\"}}", 200)));
        GATEWAY.stubFor(get(urlPathEqualTo("/media/" + ID + ".jpeg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(JPEG)));
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    HttpClientConfigurer hook;

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
        System.clearProperty("pixazo.test.gateway-port");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body, int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void everyPropertyReachesTheComponent() {
        PixazoComponent component = camelContext.getComponent("pixazo", PixazoComponent.class);
        PixazoConfiguration configuration = component.getConfiguration();
        assertEquals("starter-key-7c41", configuration.getApiKey());
        assertEquals("http://127.0.0.1:" + GATEWAY.port(), configuration.getBaseUrl());
        assertEquals("low", configuration.getQuality());
        assertEquals("JPEG", configuration.getFormat());
        assertEquals(50, configuration.getPollInterval());
        assertEquals(100, configuration.getMaxPollInterval());
        assertEquals(120_000, configuration.getJobTimeout());
        assertEquals(45_000, configuration.getReadTimeout());
        assertEquals(1, configuration.getMaxRetries());
        // unset properties leave the component's defaults alone
        assertEquals("gpt-image-2", configuration.getModel());
        assertEquals(10_000, configuration.getConnectTimeout());
        assertEquals(100, component.getMaxConnections());
        // the hook bean was picked up from the context
        assertSame(hook, component.getHttpClientConfigurer());
    }

    @Test
    void whatThePropertiesSayGoesOnTheWire() {
        byte[] image = template.requestBody("direct:generate", "A lighthouse in a storm", byte[].class);

        assertArrayEquals(JPEG, image);
        List<LoggedRequest> submits = GATEWAY.findAll(postRequestedFor(urlPathEqualTo("/gpt-image-2/v1/text-to-image")));
        assertEquals(1, submits.size());
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/gpt-image-2/v1/text-to-image"))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("starter-key-7c41"))
                .withRequestBody(equalToJson("{\"prompt\":\"A lighthouse in a storm\",\"quality\":\"low\","
                                             + "\"format\":\"jpeg\"}", false, false)));
        assertTrue(StarterTestApplication.HOOK_CALLS.get() >= 1, "the hook bean configured the HTTP client");
    }
}
