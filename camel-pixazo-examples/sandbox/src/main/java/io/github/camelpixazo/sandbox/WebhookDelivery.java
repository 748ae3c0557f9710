package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One webhook callback the sandbox made.
 *
 * @param status       the job status the payload carries (QUEUED, PROCESSING, COMPLETED, FAILED or ERROR)
 * @param payload      the JSON body that was posted
 * @param responseCode the receiver's HTTP status, or -1 when there was no response (see {@code error})
 * @param error        why the delivery failed without a response, else null
 */
public record WebhookDelivery(String url, String requestId, String status, String payload, int responseCode,
                              String error, Instant deliveredAt) {

    public JsonNode payloadJson() {
        try {
            return StrictJson.MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sandbox posted invalid JSON", e);
        }
    }

    public boolean isTerminal() {
        return JobStatus.valueOf(status).isTerminal();
    }

    /** Whether the receiver answered 2xx. */
    public boolean succeeded() {
        return responseCode >= 200 && responseCode < 300;
    }
}
