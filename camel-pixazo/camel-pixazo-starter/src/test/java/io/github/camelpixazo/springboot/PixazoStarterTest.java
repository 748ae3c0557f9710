package io.github.camelpixazo.springboot;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.http.HttpClientConfigurer;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

    static final String ID = StarterGateway.ID;
    static final byte[] JPEG = StarterGateway.JPEG;
    static final WireMockServer GATEWAY = StarterGateway.start();

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    HttpClientConfigurer hook;

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
