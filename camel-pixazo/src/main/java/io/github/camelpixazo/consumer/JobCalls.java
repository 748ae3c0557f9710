package io.github.camelpixazo.consumer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.gateway.JobRef;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.media.TempFiles;
import io.github.camelpixazo.store.JobRecord;

/**
 * Every call the {@code pixazo:jobs} consumer and its webhook receiver make into the job and gateway layers, in one
 * place: one status query of a recorded job, reading a callback body, and downloading a result. The job layer does the
 * HTTP, the key, {@code Retry-After} and the gateway's wire shapes; this class only picks what to call for a
 * {@link JobRecord}.
 */
final class JobCalls {

    private final PixazoEndpoint endpoint;

    JobCalls(PixazoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * One status query of the recorded job, not retried (the consumer's per-job backoff is the retry layer), within
     * {@code timeLimit}. Completes with the gateway's answer, or fails with what happened (classify it with
     * {@link io.github.camelpixazo.job.FailureKinds}; a 429's {@code Retry-After} is on the exception).
     */
    CompletableFuture<JobSnapshot> status(JobRecord record, Duration timeLimit) {
        JobRef job = JobRef.of(record.gateway(), record.requestId(), record.model(), record.operation());
        return endpoint.jobClient().statusOnce(job, timeLimit, SpoolTarget.inMemory());
    }

    /**
     * Reads a callback body as the gateway sends it (Pixazo posts the shape of its status answer): a hint, never
     * trusted before a status query confirmed it.
     *
     * @throws RuntimeException when it is not the documented shape
     */
    JobSnapshot readCallback(byte[] body) {
        return endpoint.gateway().parseCallback(body).orElseThrow(() -> new IllegalArgumentException(
                endpoint.gateway().name() + " documents no callbacks"));
    }

    /** Downloads a completed job's images (streamed, spooled past the threshold), retried until {@code deadline}. */
    CompletableFuture<List<DownloadedImage>> download(List<String> urls, String mediaType, String requestId,
                                                      Deadline deadline, SpoolSettings spool, TempFiles files) {
        return endpoint.downloader().downloadAll(urls, mediaType, requestId, deadline, spool, files);
    }
}
