package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The status document of a job, served by {@code GET /v2/requests/status/{id}} and posted to webhooks.
 *
 * <p>Timestamps copy the reference: the status endpoint uses ISO-8601 with milliseconds
 * ({@code 2026-03-31T10:00:15.000Z}) everywhere, while its callback example has an ISO {@code created_at}
 * but {@code updated_at}/{@code completed_at} as {@code 2026-05-22 13:19:23}. Clients must accept both.
 */
final class StatusDocument {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CALLBACK_STYLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private StatusDocument() {
    }

    static ObjectNode forStatusEndpoint(Job job, long nanoTime, String mediaBaseUrl) {
        return render(job, nanoTime, mediaBaseUrl, ISO_MILLIS);
    }

    static ObjectNode forCallback(Job job, long nanoTime, String mediaBaseUrl) {
        return render(job, nanoTime, mediaBaseUrl, CALLBACK_STYLE);
    }

    private static ObjectNode render(Job job, long nanoTime, String mediaBaseUrl, DateTimeFormatter changeTimes) {
        JobStatus status = job.statusAt(nanoTime);
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        node.put("request_id", job.requestId());
        // Pixazo knows no cancelled job: it is a system-side end, ERROR
        node.put("status", status == JobStatus.CANCELLED ? JobStatus.ERROR.name() : status.name());
        node.put("model_id", job.model().id());
        if (status == JobStatus.FAILED || status == JobStatus.ERROR || status == JobStatus.CANCELLED) {
            node.put("error", job.ending().errorText());
        } else {
            node.putNull("error");
        }
        if (status == JobStatus.COMPLETED) {
            ObjectNode output = node.putObject("output");
            ArrayNode urls = output.putArray("media_url");
            GenerationRequest request = job.request();
            for (int i = 1; i <= request.imageCount(); i++) {
                urls.add(mediaBaseUrl + MediaPaths.path(job.requestId(), i, request.format()));
            }
            output.put("media_type", job.model().mediaType(request.format()));
        } else {
            node.putNull("output");
        }
        node.put("created_at", ISO_MILLIS.format(job.createdAt()));
        node.put("updated_at", changeTimes.format(job.updatedAt(nanoTime)));
        Instant completedAt = job.completedAt(nanoTime);
        if (completedAt == null) {
            node.putNull("completed_at");
        } else {
            node.put("completed_at", changeTimes.format(completedAt));
        }
        return node;
    }
}
