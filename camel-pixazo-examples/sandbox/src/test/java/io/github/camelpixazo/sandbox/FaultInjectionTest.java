package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.GPT_IMAGE_1_5;
import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault of {@link SandboxFaults}, and the prompt markers. */
class FaultInjectionTest {

    private static final Duration PROCESSING = Duration.ofMillis(100);

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().processingTime(PROCESSING).build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    private SandboxClient.Response submit() {
        return client.submit(TEXT_TO_IMAGE, json("prompt", "x"));
    }

    @Test
    void rateLimitedSubmitsAre429WithRetryAfterInWholeSeconds() {
        sandbox.faults().rateLimitSubmits(2, Duration.ofMillis(1500));

        for (int i = 0; i < 2; i++) {
            SandboxClient.Response limited = submit();
            assertEquals(429, limited.status());
            assertEquals("Too Many Requests", limited.error());
            assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
        }
        assertEquals(202, submit().status());
        assertEquals(3, sandbox.records().submissions().size(), "rejected submits are recorded too");
    }

    @Test
    void insufficientBalanceIs402WithTheGatewaysBody() {
        sandbox.faults().insufficientBalance(1);

        SandboxClient.Response response = submit();
        assertEquals(402, response.status());
        assertEquals("{\"error\":\"Insufficient Balance\",\"message\":\"Your wallet does not have enough balance.\"}",
                response.body());
        assertEquals(202, submit().status());
    }

    @Test
    void unauthorizedAndForbiddenHitSubmitsAndStatusQueries() {
        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        sandbox.faults().unauthorized(2);
        assertEquals(401, submit().status());
        assertEquals(401, client.status(requestId).status());
        assertEquals(200, client.status(requestId).status());

        sandbox.faults().forbidden(1);
        SandboxClient.Response forbidden = client.status(requestId);
        assertEquals(403, forbidden.status());
        assertEquals("Forbidden", forbidden.error());
        assertEquals(202, submit().status());
    }

    @Test
    void failedSubmitsUseTheGivenStatus() {
        sandbox.faults().failSubmits(1, 500);
        SandboxClient.Response failed = submit();
        assertEquals(500, failed.status());
        assertEquals("Internal Server Error", failed.error());

        sandbox.faults().failSubmits(1, 503);
        SandboxClient.Response unavailable = submit();
        assertEquals(503, unavailable.status());
        assertEquals("1", unavailable.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(202, submit().status());
    }

    @Test
    void failedStatusQueriesUseTheGivenStatus() {
        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        sandbox.faults().failStatusQueries(2, 502);

        assertEquals(502, client.status(requestId).status());
        assertEquals("Bad Gateway", client.status(requestId).error());
        assertEquals(200, client.status(requestId).status());
        assertEquals(3, sandbox.records().statusQueryCount(requestId));
    }

    @Test
    void malformedStatusIs200WithInvalidJson() {
        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        sandbox.faults().malformedStatus(1);

        SandboxClient.Response malformed = client.status(requestId);
        assertEquals(200, malformed.status());
        assertThrows(JsonProcessingException.class, () -> SandboxClient.JSON.readTree(malformed.body()));
        assertEquals(requestId, client.statusJson(requestId).get("request_id").asText());
    }

    @Test
    void queuedJobEndingsApplyInCallOrder() {
        sandbox.faults().nextJobsEnd(1, JobOutcome.FAILED, "content policy violation")
                .nextJobsEnd(1, JobOutcome.ERROR, null);
        String failed = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        String error = client.accepted(GPT_IMAGE_1_5, json("prompt", "x"));
        String completed = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));

        JsonNode failedStatus = client.awaitTerminal(failed, Duration.ofSeconds(5));
        assertEquals("FAILED", failedStatus.get("status").asText());
        assertEquals("content policy violation", failedStatus.get("error").asText());
        assertTrue(failedStatus.get("output").isNull());
        assertFalse(failedStatus.get("completed_at").isNull());

        JsonNode errorStatus = client.awaitTerminal(error, Duration.ofSeconds(5));
        assertEquals("ERROR", errorStatus.get("status").asText());
        assertEquals(JobEnding.DEFAULT_ERROR_TEXT, errorStatus.get("error").asText());

        assertEquals("COMPLETED", client.awaitTerminal(completed, Duration.ofSeconds(5)).get("status").asText());
    }

    @Test
    void neverCompletingJobsStayProcessing() {
        sandbox.faults().nextJobsNeverComplete(1);
        String stuck = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        String normal = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));

        client.awaitTerminal(normal, Duration.ofSeconds(5));
        SandboxClient.sleep(PROCESSING.toMillis() * 2);
        JsonNode status = client.statusJson(stuck);
        assertEquals("PROCESSING", status.get("status").asText());
        assertTrue(status.get("completed_at").isNull());
        assertTrue(status.get("output").isNull());
    }

    @Test
    void latencyDelaysApiResponses() {
        sandbox.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        SandboxClient.Response response = submit();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(202, response.status());
        assertTrue(tookMillis >= 300, "answered after " + tookMillis + " ms");
        String requestId = response.json().get("request_id").asText();
        start = System.nanoTime();
        assertEquals(200, client.status(requestId).status());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300, "status queries are delayed too");
    }

    @Test
    void promptMarkersSteerJobs() {
        String failed = client.accepted(TEXT_TO_IMAGE, json("prompt", "a cat [sandbox:failed]"));
        String error = client.accepted(TEXT_TO_IMAGE, json("prompt", "a cat [SANDBOX:ERROR]"));
        String never = client.accepted(GPT_IMAGE_1_5, json("prompt", "[sandbox:never] a cat"));
        String slow = client.accepted(TEXT_TO_IMAGE, json("prompt", "a cat [sandbox:slow]"));

        assertEquals("FAILED", client.awaitTerminal(failed, Duration.ofSeconds(5)).get("status").asText());
        assertEquals(JobEnding.DEFAULT_FAILED_TEXT, client.statusJson(failed).get("error").asText());
        assertEquals("ERROR", client.awaitTerminal(error, Duration.ofSeconds(5)).get("status").asText());
        SandboxClient.sleep(PROCESSING.toMillis() * 2);
        assertEquals("PROCESSING", client.statusJson(never).get("status").asText());
        String slowStatus = client.statusJson(slow).get("status").asText();
        assertTrue(Set.of("QUEUED", "PROCESSING").contains(slowStatus), "slow takes 10x the processing time: " + slowStatus);
        assertEquals("COMPLETED", client.awaitTerminal(slow, Duration.ofSeconds(5)).get("status").asText());
    }

    @Test
    void queuedFaultsWinOverPromptMarkers() {
        sandbox.faults().nextJobsEnd(1, JobOutcome.ERROR, "queued");
        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "[sandbox:failed]"));
        assertEquals("ERROR", client.awaitTerminal(requestId, Duration.ofSeconds(5)).get("status").asText());
    }

    @Test
    void clearDisarmsEverything() {
        sandbox.faults().rateLimitSubmits(5, Duration.ofSeconds(1)).insufficientBalance(5).unauthorized(5)
                .forbidden(5).failSubmits(5, 500).failStatusQueries(5, 500).malformedStatus(5)
                .nextJobsEnd(5, JobOutcome.FAILED, "x").nextJobsNeverComplete(5).latency(Duration.ofSeconds(5))
                .duplicateWebhooks(true);
        sandbox.faults().clear();

        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        assertEquals("COMPLETED", client.awaitTerminal(requestId, Duration.ofSeconds(5)).get("status").asText());
    }

    @Test
    void invalidFaultArgumentsAreRejected() {
        SandboxFaults faults = sandbox.faults();
        assertThrows(IllegalArgumentException.class, () -> faults.failSubmits(1, 200));
        assertThrows(IllegalArgumentException.class, () -> faults.failStatusQueries(1, 600));
        assertThrows(IllegalArgumentException.class, () -> faults.unauthorized(-1));
        assertThrows(IllegalArgumentException.class, () -> faults.latency(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> faults.rateLimitSubmits(1, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> faults.nextJobsEnd(1, null, "x"));
    }
}
