package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.GPT_IMAGE_1_5;
import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook callbacks in terminal and sync mode, duplicates, and the URL rules. */
class WebhookTest {

    private static final Duration PROCESSING = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().processingTime(PROCESSING).build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private SandboxClient.Response submitWithWebhook(String path, String body, String url, String mode) {
        Map<String, String> headers = mode == null
                ? Map.of("Ocp-Apim-Subscription-Key", SandboxClient.KEY, "X-Webhook-URL", url)
                : Map.of("Ocp-Apim-Subscription-Key", SandboxClient.KEY, "X-Webhook-URL", url, "X-Webhook-Mode", mode);
        return client.submit(path, body, headers);
    }

    private String acceptedWithWebhook(String body, String mode) {
        SandboxClient.Response response = submitWithWebhook(TEXT_TO_IMAGE, body, receiver.url(), mode);
        assertEquals(202, response.status(), response.body());
        return response.json().get("request_id").asText();
    }

    @Test
    void terminalModePostsExactlyOnceWithTheStatusDocument() {
        String requestId = acceptedWithWebhook(json("prompt", "hook", "n", 2), null);

        List<WebhookDelivery> deliveries = sandbox.records().awaitWebhookDeliveries(1, WAIT);
        assertEquals(1, deliveries.size());
        WebhookDelivery delivery = deliveries.get(0);
        assertEquals(requestId, delivery.requestId());
        assertEquals("COMPLETED", delivery.status());
        assertEquals(200, delivery.responseCode());
        assertTrue(delivery.succeeded());
        assertEquals(receiver.url(), delivery.url());

        JsonNode payload = delivery.payloadJson();
        assertEquals(requestId, payload.get("request_id").asText());
        assertEquals("COMPLETED", payload.get("status").asText());
        assertEquals("gpt-image-2", payload.get("model_id").asText());
        assertTrue(payload.get("error").isNull());
        assertEquals(2, payload.at("/output/media_url").size());
        assertEquals("image/png", payload.at("/output/media_type").asText());
        // the reference's callback example: ISO created_at, "yyyy-MM-dd HH:mm:ss" updated_at and completed_at
        assertTrue(payload.get("created_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        assertTrue(payload.get("completed_at").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertTrue(payload.get("updated_at").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));

        assertEquals(1, receiver.callbacks().size());
        assertEquals("application/json", receiver.callbacks().get(0).contentType());
        assertEquals(delivery.payload(), receiver.callbacks().get(0).body());
        assertEquals(1, sandbox.records().awaitWebhookDeliveries(2, PROCESSING.multipliedBy(2)).size(),
                "no second callback");
    }

    @Test
    void terminalModeReportsFailures() {
        sandbox.faults().nextJobsEnd(1, JobOutcome.FAILED, "nope");
        SandboxClient.Response response = submitWithWebhook(GPT_IMAGE_1_5, json("prompt", "x"), receiver.url(), "terminal");
        assertEquals(202, response.status());

        WebhookDelivery delivery = sandbox.records().awaitWebhookDeliveries(1, WAIT).get(0);
        JsonNode payload = delivery.payloadJson();
        assertEquals("FAILED", payload.get("status").asText());
        assertEquals("nope", payload.get("error").asText());
        assertTrue(payload.get("output").isNull());
        assertEquals("gpt-image-1-5-api-923", payload.get("model_id").asText());
    }

    @Test
    void syncModePostsProgressThenTheTerminalStatusLast() {
        String requestId = acceptedWithWebhook(json("prompt", "progress"), "sync");

        List<WebhookDelivery> deliveries = awaitTerminalDelivery();
        assertTrue(deliveries.size() >= 2, "progress and terminal: " + deliveries);
        WebhookDelivery last = deliveries.get(deliveries.size() - 1);
        assertEquals("COMPLETED", last.status());
        assertFalse(deliveries.get(0).isTerminal(), "first callback is progress: " + deliveries.get(0).status());
        assertEquals(1, deliveries.stream().filter(WebhookDelivery::isTerminal).count());
        assertTrue(deliveries.stream().allMatch(d -> d.requestId().equals(requestId)));
        assertEquals(deliveries.size(), receiver.callbacks().size());
        SandboxClient.sleep(300);
        assertEquals(deliveries.size(), sandbox.records().webhookDeliveries().size(), "nothing after the terminal callback");
    }

    @Test
    void duplicateWebhooksDeliverTheTerminalCallbackTwice() {
        sandbox.faults().duplicateWebhooks(true);
        acceptedWithWebhook(json("prompt", "twice"), null);

        List<WebhookDelivery> deliveries = sandbox.records().awaitWebhookDeliveries(2, WAIT);
        assertEquals(2, deliveries.size());
        assertEquals(deliveries.get(0).payload(), deliveries.get(1).payload());
        assertEquals(2, receiver.callbacks().size());
    }

    @Test
    void lostWebhooksAreNeverSentAndRecordedAsLost() {
        sandbox.faults().loseWebhooks(1);
        String lost = acceptedWithWebhook(json("prompt", "lost"), null);
        String kept = acceptedWithWebhook(json("prompt", "kept"), null);

        List<WebhookDelivery> deliveries = sandbox.records().awaitWebhookDeliveries(2, WAIT);
        assertEquals(2, deliveries.size());
        WebhookDelivery first = deliveries.stream().filter(d -> d.requestId().equals(lost)).findFirst().orElseThrow();
        assertEquals(-1, first.responseCode());
        assertEquals("lost (injected by the sandbox)", first.error());
        assertEquals(1, receiver.callbacks().size(), "only the second job's callback arrived");
        assertTrue(receiver.callbacks().get(0).body().contains(kept));
    }

    @Test
    void aFailingReceiverIsRecordedAndNotRetried() {
        receiver.answerWith(500);
        acceptedWithWebhook(json("prompt", "x"), null);

        WebhookDelivery delivery = sandbox.records().awaitWebhookDeliveries(1, WAIT).get(0);
        assertEquals(500, delivery.responseCode());
        assertFalse(delivery.succeeded());
        assertEquals(1, sandbox.records().awaitWebhookDeliveries(2, PROCESSING).size());
    }

    @Test
    void anUnreachableReceiverIsRecordedWithoutResponseCode() {
        SandboxClient.Response response = submitWithWebhook(TEXT_TO_IMAGE, json("prompt", "x"),
                "https://127.0.0.1:1/hook", null);
        assertEquals(202, response.status());

        WebhookDelivery delivery = sandbox.records().awaitWebhookDeliveries(1, WAIT).get(0);
        assertEquals(-1, delivery.responseCode());
        assertNotNull(delivery.error());
    }

    @Test
    void neverEndingJobsSendNoTerminalCallback() {
        sandbox.faults().nextJobsNeverComplete(1);
        acceptedWithWebhook(json("prompt", "x"), null);
        assertEquals(0, sandbox.records().awaitWebhookDeliveries(1, PROCESSING.multipliedBy(2)).size());
    }

    @Test
    void resetCancelsPendingCallbacks() {
        acceptedWithWebhook(json("prompt", "x"), null);
        sandbox.sandbox().reset();
        assertEquals(0, sandbox.records().awaitWebhookDeliveries(1, PROCESSING.multipliedBy(2)).size());
        assertTrue(receiver.callbacks().isEmpty());
    }

    @Test
    void plainHttpToANonLoopbackHostIsRejected() {
        SandboxClient.Response response = submitWithWebhook(TEXT_TO_IMAGE, json("prompt", "x"),
                "http://example.com/hook", null);
        assertEquals(400, response.status());
        assertTrue(response.message().contains("X-Webhook-URL must use https"), response.message());
    }

    @Test
    void relativeOrNonHttpUrlsAreRejected() {
        assertEquals(400, submitWithWebhook(TEXT_TO_IMAGE, json("prompt", "x"), "/hook", null).status());
        assertEquals(400, submitWithWebhook(TEXT_TO_IMAGE, json("prompt", "x"), "ftp://example.com/hook", null).status());
        assertEquals(400, submitWithWebhook(TEXT_TO_IMAGE, json("prompt", "x"), "https://exa mple.com", null).status());
    }

    @Test
    void unknownModesAreRejected() {
        SandboxClient.Response response = submitWithWebhook(TEXT_TO_IMAGE, json("prompt", "x"), receiver.url(), "always");
        assertEquals(400, response.status());
        assertTrue(response.message().contains("X-Webhook-Mode"), response.message());
    }

    @Test
    void httpLoopbackCanBeForbiddenToo() {
        try (PixazoSandbox strict = PixazoSandbox.builder().allowHttpLoopbackWebhooks(false).build().start()) {
            SandboxClient.Response response = new SandboxClient(strict).submit(TEXT_TO_IMAGE, json("prompt", "x"),
                    Map.of("Ocp-Apim-Subscription-Key", "k", "X-Webhook-URL", receiver.url()));
            assertEquals(400, response.status());
            assertTrue(response.message().contains("https"), response.message());
        }
    }

    private List<WebhookDelivery> awaitTerminalDelivery() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<WebhookDelivery> deliveries = sandbox.records().webhookDeliveries();
            if (deliveries.stream().anyMatch(WebhookDelivery::isTerminal)) {
                return deliveries;
            }
            sandbox.records().awaitWebhookDeliveries(deliveries.size() + 1, Duration.ofMillis(200));
        }
        throw new AssertionError("no terminal callback: " + sandbox.records().webhookDeliveries());
    }
}
