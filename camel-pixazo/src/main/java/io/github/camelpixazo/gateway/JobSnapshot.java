package io.github.camelpixazo.gateway;

import java.util.List;

import io.github.camelpixazo.media.DownloadedImage;

/**
 * What the gateway reports about a job at one moment: the body of {@code pixazo:status}, and what a webhook callback
 * says (as a hint, see {@link ImageGateway#parseCallback}). A FAILED or ERROR job is data here (see {@link #error()}),
 * not an exception.
 *
 * @param model     the model in the user's vocabulary when known, otherwise the gateway's model id
 * @param error     the gateway's reason for a FAILED or ERROR job (EvoLink and Pixapi: {@code code: message}; a
 *                  cancelled EvoLink task: text starting with {@code cancelled})
 * @param mediaUrls the result URLs (COMPLETED only; they expire, download them promptly)
 * @param mediaType the MIME type the gateway announced (may be generic, e.g. application/octet-stream), or null
 * @param progress  how far the job is, 0 to 100, where the gateway says (EvoLink's {@code progress}); else null
 * @param images    images the gateway returned inline (Pixapi's {@code b64_json}), already decoded into the spool of
 *                  the exchange (or memory); empty when the results are URLs
 */
public record JobSnapshot(String requestId, JobStatus status, String model, String error, List<String> mediaUrls,
                          String mediaType, String createdAt, String updatedAt, String completedAt, Integer progress,
                          List<DownloadedImage> images) {

    public JobSnapshot {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        images = images == null ? List.of() : List.copyOf(images);
        if (progress != null && (progress < 0 || progress > 100)) {
            progress = Math.max(0, Math.min(100, progress));
        }
    }

    /** A snapshot without progress and without inline images (Pixazo's status shape). */
    public JobSnapshot(String requestId, JobStatus status, String model, String error, List<String> mediaUrls,
                       String mediaType, String createdAt, String updatedAt, String completedAt) {
        this(requestId, status, model, error, mediaUrls, mediaType, createdAt, updatedAt, completedAt, null, null);
    }

    /** Whether the results are here already (inline), so that nothing needs downloading. */
    public boolean hasInlineImages() {
        return !images.isEmpty();
    }

    /** The number of results, inline or as URLs. */
    public int resultCount() {
        return hasInlineImages() ? images.size() : mediaUrls.size();
    }
}
