package io.github.camelpixazo.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One submitted job. Immutable: its state is a pure function of the time it is asked about, so no thread
 * or timer is needed per job (the first quarter of the processing time QUEUED, then PROCESSING, then the
 * terminal state its {@link JobEnding} decided at submit time).
 */
final class Job {

    private final String requestId;
    private final Model model;
    private final GenerationRequest request;
    private final JobEnding ending;
    private final WebhookTarget webhook;
    private final Instant createdAt;
    private final long createdNanos;
    private final long queuedNanos;
    private final long processingNanos;
    private final boolean inlineResults;

    Job(String requestId, Model model, GenerationRequest request, JobEnding ending, WebhookTarget webhook,
        Duration processingTime, Instant createdAt, long createdNanos) {
        this(requestId, model, request, ending, webhook, processingTime, createdAt, createdNanos, false);
    }

    /** @param inlineResults the images are returned as base64 in the answer (Pixapi's b64_json), not as URLs */
    Job(String requestId, Model model, GenerationRequest request, JobEnding ending, WebhookTarget webhook,
        Duration processingTime, Instant createdAt, long createdNanos, boolean inlineResults) {
        this.inlineResults = inlineResults;
        this.requestId = requestId;
        this.model = model;
        this.request = request;
        this.ending = ending;
        this.webhook = webhook;
        this.createdAt = createdAt;
        this.createdNanos = createdNanos;
        this.processingNanos = processingTime.toNanos();
        this.queuedNanos = processingNanos / 4;
    }

    String requestId() {
        return requestId;
    }

    Model model() {
        return model;
    }

    GenerationRequest request() {
        return request;
    }

    JobEnding ending() {
        return ending;
    }

    boolean inlineResults() {
        return inlineResults;
    }

    /**
     * How far the job is, 0 to 100, as EvoLink reports it (gateway-facts.md, assumed: 0 while pending, rising between
     * 10 and 90 while processing, 100 when completed).
     */
    int progressAt(long nanoTime) {
        JobStatus status = statusAt(nanoTime);
        if (status == JobStatus.COMPLETED) {
            return 100;
        }
        if (status != JobStatus.PROCESSING) {
            return 0;
        }
        long span = Math.max(1, processingNanos - queuedNanos);
        double done = Math.min(1.0, (double) (nanoTime - createdNanos - queuedNanos) / span);
        return 10 + (int) Math.round(80 * done);
    }

    /** Null when no {@code X-Webhook-URL} was given. */
    WebhookTarget webhook() {
        return webhook;
    }

    Duration processingTime() {
        return Duration.ofNanos(processingNanos);
    }

    /** @param nanoTime a {@link System#nanoTime()} reading */
    JobStatus statusAt(long nanoTime) {
        long elapsed = nanoTime - createdNanos;
        if (elapsed >= processingNanos) {
            return ending.terminalStatus();
        }
        return elapsed < queuedNanos ? JobStatus.QUEUED : JobStatus.PROCESSING;
    }

    /** The nanoTime at which the job reaches its terminal state; meaningless if it never ends. */
    long terminalNanoTime() {
        return createdNanos + processingNanos;
    }

    boolean endsEventually() {
        return ending.kind() != JobEnding.Kind.NEVER;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** When the status last changed, as of {@code nanoTime}. */
    Instant updatedAt(long nanoTime) {
        return switch (statusAt(nanoTime)) {
            case QUEUED -> createdAt;
            case PROCESSING -> createdAt.plusNanos(queuedNanos);
            default -> createdAt.plusNanos(processingNanos);
        };
    }

    /** Null while the job is not terminal. */
    Instant completedAt(long nanoTime) {
        return statusAt(nanoTime).isTerminal() ? createdAt.plusNanos(processingNanos) : null;
    }
}
