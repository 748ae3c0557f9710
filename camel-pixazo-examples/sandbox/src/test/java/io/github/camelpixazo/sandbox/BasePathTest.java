package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a base path the whole API moves below it; media stay on their own origin. */
class BasePathTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().basePath("/pixazo/")
            .processingTime(Duration.ZERO).build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    @Test
    void theApiLivesBelowTheBasePath() {
        assertTrue(sandbox.baseUrl().endsWith("/pixazo"), sandbox.baseUrl());

        SandboxClient.Response submitted = client.submit(TEXT_TO_IMAGE, json("prompt", "prefixed"));
        assertEquals(202, submitted.status(), submitted.body());
        String pollingUrl = submitted.json().get("polling_url").asText();
        assertTrue(pollingUrl.startsWith(sandbox.baseUrl() + "/v2/requests/status/"), pollingUrl);

        SandboxClient.Response status = client.get(pollingUrl, Map.of("Ocp-Apim-Subscription-Key", "k"));
        assertEquals(200, status.status());
        JsonNode json = status.json();
        String media = json.at("/output/media_url/0").asText();
        assertTrue(URI.create(media).getPath().startsWith("/v1/"), "media are not below the API base path: " + media);
        assertEquals(200, client.download(media).statusCode());
        assertEquals("/pixazo" + TEXT_TO_IMAGE, sandbox.records().submissions().get(0).path());
    }

    @Test
    void pathsOutsideTheBasePathAre404() {
        String root = sandbox.baseUrl().replace("/pixazo", "");
        SandboxClient.Response withoutPrefix = SandboxClient.send(HttpRequest.newBuilder(
                        URI.create(root + TEXT_TO_IMAGE))
                .header("Ocp-Apim-Subscription-Key", "k").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("prompt", "x"))).build());
        assertEquals(404, withoutPrefix.status());
        assertEquals(404, client.get(root + "/pixazoX/v2/requests/status/x", Map.of("Ocp-Apim-Subscription-Key", "k")).status());
        assertEquals(0, sandbox.records().submissions().size());
    }

    @Test
    void malformedBasePathsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().basePath("pixazo"));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().basePath("/a//b"));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().basePath("/a?b"));
    }
}
