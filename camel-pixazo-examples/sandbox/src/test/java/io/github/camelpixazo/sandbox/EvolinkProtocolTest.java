package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox speaking EvoLink: tasks with progress, image_urls, callback_url, cancelled tasks, its error body. */
class EvolinkProtocolTest {

    private static PixazoSandbox sandbox;
    private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + SandboxClient.KEY);

    @BeforeAll
    static void start() {
        sandbox = PixazoSandbox.builder().gateway(SandboxGateway.EVOLINK).processingTime(Duration.ofMillis(400))
                .build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private SandboxClient.Response post(String json) {
        return new SandboxClient(sandbox).submit("/v1/images/generations", json, BEARER);
    }

    private SandboxClient.Response task(String id) {
        return new SandboxClient(sandbox).get(sandbox.baseUrl() + "/v1/tasks/" + id, BEARER);
    }

    @Test
    void aTaskReportsRisingProgressAndItsResults() {
        SandboxClient.Response created = post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "A fox",
                "size", "2:3", "quality", "low", "n", 1));
        assertEquals(200, created.status(), created.body());
        JsonNode task = created.json();
        String id = task.path("id").asText();
        assertTrue(id.matches("task-unified-\\d+-[a-z0-9]{8}"), id);
        assertEquals("pending", task.path("status").asText());
        assertEquals(0, task.path("progress").asInt());
        assertEquals("image.generation.task", task.path("object").asText());
        assertEquals(2.5, task.path("usage").path("credits_reserved").asDouble());

        SandboxClient.sleep(200);
        JsonNode running = task(id).json();
        assertEquals("processing", running.path("status").asText());
        int progress = running.path("progress").asInt();
        assertTrue(progress >= 10 && progress <= 90, "progress " + progress);
        SandboxClient.sleep(300);
        JsonNode done = task(id).json();
        assertEquals("completed", done.path("status").asText());
        assertEquals(100, done.path("progress").asInt());
        var image = new SandboxClient(sandbox).download(done.path("results").get(0).asText());
        assertEquals(200, image.statusCode());
    }

    @Test
    void theCallbackUrlReceivesTheTaskShapeOnceItEnds() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = post(SandboxClient.json("model", "gpt-image-2", "prompt", "[sandbox:cancelled] please",
                    "image_urls", List.of("https://cdn.example.com/a.png"), "callback_url", receiver.url()))
                    .json().path("id").asText();

            List<WebhookDelivery> deliveries = sandbox.records().awaitWebhookDeliveries(1, Duration.ofSeconds(5));

            assertEquals(1, deliveries.size());
            JsonNode payload = deliveries.get(0).payloadJson();
            assertEquals(id, payload.path("id").asText());
            assertEquals("cancelled", payload.path("status").asText());
            assertEquals("request_cancelled", payload.path("error").path("code").asText());
            assertEquals(1, receiver.callbacks().size());
        }
    }

    @Test
    void itsDocumentedRulesAnswerWithItsErrorBody() {
        assertParam(post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "p", "n", 2)), "n");
        assertParam(post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "p", "size", "auto")), "size");
        assertParam(post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "p", "moderation", "low")), "moderation");
        assertParam(post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "p", "image_urls",
                List.of("http://cdn.example.com/a.png"))), "image_urls");
        assertParam(post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "p", "callback_url",
                "https://10.0.0.1/hook")), "callback_url");
        assertParam(post(SandboxClient.json("model", "gpt-image-1.5", "prompt", "\u20ac".repeat(3000))), "prompt");
        SandboxClient.Response badId = task("gpt-image-2_019d0000-0000-0000-0000-000000000001");
        assertEquals(400, badId.status());
        assertEquals("task_id", badId.json().path("error").path("param").asText());
        SandboxClient.Response unknown = task("task-unified-1-nothere1");
        assertEquals(404, unknown.status());
        assertEquals("not_found_error", unknown.json().path("error").path("type").asText());

        sandbox.faults().insufficientBalance(1);
        SandboxClient.Response broke = post(SandboxClient.json("model", "gpt-image-2", "prompt", "p"));
        assertEquals(402, broke.status());
        assertEquals("insufficient_quota_error", broke.json().path("error").path("type").asText());
        assertEquals("https://evolink.ai/dashboard/billing",
                broke.json().path("error").path("fallback_suggestion").asText());
    }

    private static void assertParam(SandboxClient.Response response, String param) {
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_request_error", response.json().path("error").path("type").asText());
        assertEquals(param, response.json().path("error").path("param").asText(), response.body());
    }
}
