package io.github.camelpixazo.springboot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One WireMock gateway for the Spring Boot tests of this JVM, started before any Spring context: application.properties
 * reads its port from the system property {@code pixazo.test.gateway-port}. It answers one job, completed, with a
 * small JPEG. Stopped with the test JVM.
 */
final class StarterGateway {

    static final String ID = "gpt-image-2_019d0000-0000-0000-0000-000000005b01";
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };

    private static WireMockServer gateway;

    private StarterGateway() {
    }

    static synchronized WireMockServer start() {
        if (gateway != null) {
            return gateway;
        }
        gateway = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        System.setProperty("pixazo.test.gateway-port", String.valueOf(gateway.port()));
        gateway.stubFor(post(urlPathEqualTo("/gpt-image-2/v1/text-to-image")).willReturn(json(
                "{\"request_id\":\"" + ID + "\",\"status\":\"QUEUED\",\"polling_url\":\"x\"}", 202)));
        gateway.stubFor(get(urlPathEqualTo("/v2/requests/status/" + ID)).willReturn(json(
                "{\"request_id\":\"" + ID + "\",\"status\":\"COMPLETED\",\"model_id\":\"gpt-image-2\",\"error\":null,"
                + "\"output\":{\"media_url\":[\"http://127.0.0.1:" + gateway.port() + "/media/" + ID + ".jpeg\"],"
                + "\"media_type\":\"image/jpeg\"}}", 200)));
        gateway.stubFor(get(urlPathEqualTo("/media/" + ID + ".jpeg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(JPEG)));
        return gateway;
    }

    private static ResponseDefinitionBuilder json(String body, int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
