package io.github.camelpixazo.gateway;

import java.util.List;

/**
 * What the gateway reports about a job at one moment: the body of {@code pixazo:status}. A FAILED or ERROR job is data
 * here (see {@link #error()}), not an exception.
 *
 * @param model     the model in the user's vocabulary when known, otherwise the gateway's model id
 * @param mediaUrls the result URLs (COMPLETED only; they expire, download them promptly)
 * @param mediaType the MIME type the gateway announced (may be generic, e.g. application/octet-stream)
 */
public record JobSnapshot(String requestId, JobStatus status, String model, String error, List<String> mediaUrls,
                          String mediaType, String createdAt, String updatedAt, String completedAt) {

    public JobSnapshot {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }
}
