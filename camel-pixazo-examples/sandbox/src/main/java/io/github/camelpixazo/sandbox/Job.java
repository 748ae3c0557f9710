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

    Job(String requestId, Model model, GenerationRequest request, JobEnding ending, WebhookTarget webhook,
        Duration processingTime, Instant createdAt, long createdNanos) {
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
