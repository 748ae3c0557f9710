package io.github.camelpixazo.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelpixazo.cost.CostEstimate;
import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.Webhook;
import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.webhook.WebhookTokens;

import org.apache.camel.Exchange;

/**
 * {@code waitForCompletion=false}: what makes a submitted job durable. Before the submit, {@link #prepare} reads the
 * carried headers (so a header that cannot be stored fails the message before anything is billed) and, with a
 * {@code webhookUrl}, gives the job its own callback URL carrying a fresh secret; after the gateway accepted the job,
 * {@link #record} writes the job to the store, on the worker thread that then completes the exchange. A job whose
 * record cannot be written fails its exchange, naming the request id: nothing paid for goes untracked silently.
 */
public final class JobRecorder {

    /** How the store names this gateway (JobRecord#gateway). */
    private final String gatewayId;
    private final String baseUrl;
    private final JobStore store;
    private final CarriedHeaders carried;
    private final Duration pollInterval;
    private final Duration webhookFallbackDelay;

    /**
     * @param gatewayId            the gateway's id as the store keeps it ({@code pixazo})
     * @param baseUrl              the origin (and path prefix) jobs are submitted to; never holds a key
     * @param pollInterval         when a job without webhook is first polled, after its submit
     * @param webhookFallbackDelay when a job with a webhook is first polled (a fallback for a lost callback)
     */
    public JobRecorder(String gatewayId, String baseUrl, JobStore store, CarriedHeaders carried, Duration pollInterval,
                       Duration webhookFallbackDelay) {
        this.gatewayId = gatewayId;
        this.baseUrl = baseUrl;
        this.store = store;
        this.carried = carried;
        this.pollInterval = pollInterval;
        this.webhookFallbackDelay = webhookFallbackDelay;
    }

    /** A job about to be submitted: the request to send (its callback URL made per job) and what to record. */
    public record Pending(ImageRequest request, Map<String, Object> carriedHeaders, String webhookTokenHash) {
    }

    /** Reads the carried headers and gives the job its callback URL; throws before anything is sent. */
    public Pending prepare(Exchange exchange, ImageRequest request) {
        Map<String, Object> headers = carried.select(exchange);
        Webhook webhook = request.webhook();
        if (webhook == null) {
            return new Pending(request, headers, null);
        }
        String token = WebhookTokens.newToken();
        ImageRequest withSecret = request.withWebhook(new Webhook(WebhookTokens.callbackUrl(webhook.url(), token),
                webhook.mode(), webhook.allowHttpLoopback()));
        return new Pending(withSecret, headers, WebhookTokens.hash(token));
    }

    /**
     * Writes the accepted job to the store, durably when it returns. Blocks for a disk flush or a commit: call it on a
     * worker thread, never an I/O thread.
     *
     * @param estimate the job's estimated price (kept in the record, so that its pixazo:jobs exchange carries it), or null
     *                 when no price is published
     * @throws JobStoreException saying the request id when it could not be written
     */
    public void record(Pending pending, SubmittedJob job, CostEstimate estimate) {
        Instant now = Instant.now();
        ImageRequest request = pending.request();
        JobRecord record;
        try {
            record = JobRecord.builder()
                    .requestId(job.requestId())
                    .gateway(gatewayId)
                    .baseUrl(baseUrl)
                    .model(request.model().value())
                    .operation(request.operation().name().toLowerCase(java.util.Locale.ROOT))
                    .n(request.n())
                    .format(request.format() != null ? request.format().value() : null)
                    .submittedAt(now)
                    .carriedHeaders(pending.carriedHeaders())
                    .webhookTokenHash(pending.webhookTokenHash())
                    .nextPollAt(now.plus(pending.webhookTokenHash() != null ? webhookFallbackDelay : pollInterval))
                    .pollInterval(pollInterval)
                    .lastStatus(job.status() != null ? job.status().name() : "QUEUED")
                    .estimatedCost(estimate != null ? estimate.amount() : null)
                    .costCurrency(estimate != null ? estimate.currency() : null)
                    .build();
            store.add(record);
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new JobStoreException("Job " + job.requestId() + " was accepted by the gateway (and may be billed) but"
                                        + " could not be recorded in the job store " + store.location() + ": " + why
                                        + ". The pixazo:jobs consumer will not see it: query it with pixazo:status"
                                        + " (header CamelPixazoRequestId) rather than submitting again.",
                    store.location(), e instanceof JobStoreException j ? j.getPath() : null, job.requestId(), e);
        }
    }
}
