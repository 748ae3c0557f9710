package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The subscription key header: required everywhere on the API, any key by default, one key when configured. */
class AuthTest {

    private static PixazoSandbox anyKey;
    private static PixazoSandbox oneKey;

    @BeforeAll
    static void start() {
        anyKey = PixazoSandbox.builder().build().start();
        oneKey = PixazoSandbox.builder().apiKey("the-secret").build().start();
    }

    @AfterAll
    static void stop() {
        anyKey.stop();
        oneKey.stop();
    }

    @Test
    void submitWithoutKeyIs401() {
        SandboxClient.Response response = new SandboxClient(anyKey).submit(TEXT_TO_IMAGE, json("prompt", "x"), Map.of());
        assertEquals(401, response.status());
        assertEquals("Unauthorized", response.error());
        assertTrue(response.message().contains("missing subscription key"), response.message());
    }

    @Test
    void blankKeyIs401() {
        SandboxClient.Response response = new SandboxClient(anyKey).submit(TEXT_TO_IMAGE, json("prompt", "x"),
                Map.of("Ocp-Apim-Subscription-Key", " "));
        assertEquals(401, response.status());
    }

    @Test
    void statusWithoutKeyIs401EvenForAnExistingJob() {
        SandboxClient client = new SandboxClient(anyKey);
        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        SandboxClient.Response response = client.get(anyKey.baseUrl() + "/v2/requests/status/" + requestId, Map.of());
        assertEquals(401, response.status());
        assertEquals("Unauthorized", response.error());
    }

    @Test
    void anyNonBlankKeyIsAcceptedByDefault() {
        SandboxClient.Response response = new SandboxClient(anyKey).submit(TEXT_TO_IMAGE, json("prompt", "x"),
                Map.of("Ocp-Apim-Subscription-Key", "whatever"));
        assertEquals(202, response.status());
    }

    @Test
    void aConfiguredKeyIsTheOnlyValidOne() {
        SandboxClient client = new SandboxClient(oneKey);
        SandboxClient.Response wrong = client.submit(TEXT_TO_IMAGE, json("prompt", "x"),
                Map.of("Ocp-Apim-Subscription-Key", "not-the-secret"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.message().contains("invalid subscription key"), wrong.message());

        SandboxClient.Response right = client.submit(TEXT_TO_IMAGE, json("prompt", "x"),
                Map.of("Ocp-Apim-Subscription-Key", "the-secret"));
        assertEquals(202, right.status());
        String requestId = right.json().get("request_id").asText();
        assertEquals(401, client.get(oneKey.baseUrl() + "/v2/requests/status/" + requestId,
                Map.of("Ocp-Apim-Subscription-Key", "not-the-secret")).status());
        assertEquals(200, client.get(oneKey.baseUrl() + "/v2/requests/status/" + requestId,
                Map.of("Ocp-Apim-Subscription-Key", "the-secret")).status());
    }

    @Test
    void authIsCheckedBeforeTheBody() {
        SandboxClient.Response response = new SandboxClient(anyKey).submit(TEXT_TO_IMAGE, "not json", Map.of());
        assertEquals(401, response.status());
    }
}
