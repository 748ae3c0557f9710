package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobs go QUEUED, PROCESSING, then terminal, on the configured processing time; status documents match the reference. */
class JobLifecycleTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void aJobIsQueuedThenProcessingThenCompleted() {
        try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofMillis(1200)).build().start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "lifecycle"));

            JsonNode first = client.statusJson(requestId);
            assertEquals("QUEUED", first.get("status").asText(), "a fresh job is queued for the first quarter");
            assertEquals(requestId, first.get("request_id").asText());
            assertEquals("gpt-image-2", first.get("model_id").asText());
            assertTrue(first.get("error").isNull());
            assertTrue(first.get("output").isNull());
            assertTrue(first.get("completed_at").isNull());
            assertEquals(first.get("created_at").asText(), first.get("updated_at").asText());
            assertTrue(first.get("created_at").asText().matches(ISO_MILLIS), first.toString());

            List<String> seen = new ArrayList<>();
            JsonNode last = first;
            while (!last.get("status").asText().equals("COMPLETED")) {
                seen.add(last.get("status").asText());
                SandboxClient.sleep(25);
                last = client.statusJson(requestId);
            }
            assertTrue(seen.contains("PROCESSING"), "PROCESSING between QUEUED and COMPLETED: " + seen);
            assertEquals(seen.indexOf("PROCESSING"), seen.lastIndexOf("QUEUED") + 1, "no going back: " + seen);
            assertTrue(last.get("completed_at").asText().matches(ISO_MILLIS), last.toString());
            Duration took = Duration.between(Instant.parse(last.get("created_at").asText()),
                    Instant.parse(last.get("completed_at").asText()));
            assertEquals(1200, took.toMillis(), 1, "completed_at - created_at is the processing time");
            assertEquals(last.get("completed_at").asText(), last.get("updated_at").asText());
        }
    }

    @Test
    void zeroProcessingTimeMeansTheFirstQueryIsTerminal() {
        try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ZERO).build().start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "instant"));

            JsonNode status = client.statusJson(requestId);
            assertEquals("COMPLETED", status.get("status").asText());
            assertEquals(1, status.at("/output/media_url").size());
            assertEquals(1, sandbox.records().statusQueryCount());
        }
    }

    @Test
    void unknownAndResetJobsAre404() {
        try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ZERO).build().start()) {
            SandboxClient client = new SandboxClient(sandbox);
            SandboxClient.Response unknown = client.status("gpt-image-2_00000000-0000-7000-8000-000000000000");
            assertEquals(404, unknown.status());
            assertEquals("Not Found", unknown.error());
            assertTrue(unknown.message().contains("gpt-image-2_00000000-0000-7000-8000-000000000000"));

            String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
            assertEquals(200, client.status(requestId).status());
            sandbox.reset();
            assertEquals(404, client.status(requestId).status());
            assertEquals(0, sandbox.records().submissions().size());
            assertEquals(1, sandbox.records().statusQueryCount(), "counted again from zero after the reset");
        }
    }
}
