package io.github.camelpixazo.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.JobRef;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.job.JobClient;
import io.github.camelpixazo.job.JobEvents;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.media.TempFiles;
import io.github.camelpixazo.observe.JobMeters;
import io.github.camelpixazo.store.JobRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call the {@code pixazo:jobs} consumer and its webhook receiver make into the job and gateway layers, in one
 * place: one status query of a recorded job, reading a callback body, and downloading a result. Each job is queried at
 * the gateway and base URL it was submitted to ({@link JobRecord#gateway()}, {@link JobRecord#baseUrl()}), through
 * {@link PixazoEndpoint#jobClientFor}; the job layer does the HTTP, the key, {@code Retry-After} and the gateway's wire
 * shapes. This class only picks what to call for a {@link JobRecord}.
 */
final class JobCalls {

    private static final Logger LOG = LoggerFactory.getLogger(JobCalls.class);

    private final PixazoEndpoint endpoint;
    /** Gateways (and base URLs) already reported as unreachable for want of a key: one WARN each, not one per poll. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    JobCalls(PixazoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * One status query of the recorded job at its own gateway, not retried (the consumer's per-job backoff is the
     * retry layer), within {@code timeLimit}. Completes with the gateway's answer, or fails with what happened
     * (classify it with {@link io.github.camelpixazo.job.FailureKinds}; a 429's {@code Retry-After} is on the
     * exception; a job whose gateway this context has no key for fails with a
     * {@link io.github.camelpixazo.error.PixazoValidationException} saying so).
     *
     * @param spool where images the answer carries inline (Pixapi's {@code b64_json}) are decoded to
     */
    CompletableFuture<JobSnapshot> status(JobRecord record, Duration timeLimit, SpoolTarget spool) {
        JobClient client;
        try {
            client = endpoint.jobClientFor(record.gateway(), record.baseUrl());
        } catch (Exception e) {
            if (warned.add(record.gateway() + " " + record.baseUrl())) {
                LOG.warn("pixazo:jobs cannot query job {} (and others of {}): {}", record.requestId(),
                        record.gateway(), e.getMessage());
            }
            return CompletableFuture.failedFuture(e);
        }
        return client.statusOnce(ref(record), timeLimit, spool);
    }

    /**
     * Reads a callback body as the job's gateway sends it (Pixazo: its status answer's shape; EvoLink: its task
     * query's shape): a hint, never trusted before a status query confirmed it.
     *
     * @return empty when the job's gateway documents no callbacks (Pixapi)
     * @throws RuntimeException when it is not the documented shape, or the record names an unknown gateway
     */
    Optional<JobSnapshot> readCallback(JobRecord record, byte[] body) {
        return Gateways.byId(record.gateway()).parseCallback(body);
    }

    /**
     * Downloads a completed job's images (streamed, spooled past the threshold), retried until {@code deadline}; each
     * retry and each image's bytes are counted on the job's meters, as the waiting producer counts them.
     */
    CompletableFuture<List<DownloadedImage>> download(JobRecord record, List<String> urls, String mediaType,
                                                      Deadline deadline, SpoolSettings spool, TempFiles files) {
        JobMeters meters = endpoint.meters(record.gateway(), record.model(), record.operation());
        JobEvents retries = new JobEvents() {
            @Override
            public void retried() {
                meters.retried();
            }
        };
        return endpoint.downloader().downloadAll(urls, mediaType, record.requestId(), deadline, spool, files, retries)
                .thenApply(images -> {
                    images.forEach(image -> meters.downloaded(image.data().length()));
                    return images;
                });
    }

    /** What a status query of a stored job needs: its gateway, id, and the model and operation it was sent with. */
    static JobRef ref(JobRecord record) {
        return JobRef.of(record.gateway(), record.requestId(), record.model(), record.operation());
    }
}
