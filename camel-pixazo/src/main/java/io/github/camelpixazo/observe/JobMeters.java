package io.github.camelpixazo.observe;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The meters of one gateway, model and operation (the only tags, with {@code reason} on failures and {@code currency}
 * on spend: never a prompt, a key or a request id). Implementations are thread-safe and never throw.
 */
public interface JobMeters {

    /** No meters: nothing is recorded. */
    JobMeters NONE = new JobMeters() {
    };

    /** The gateway accepted a job (pixazo.jobs.submitted). */
    default void submitted() {
    }

    /** A job completed with its images (pixazo.jobs.completed, pixazo.job.duration). */
    default void completed(Duration duration) {
    }

    /** A job (or its submit) failed (pixazo.jobs.failed, tag reason). */
    default void failed(String reason) {
    }

    /** A job started (+1) or ended (-1) (gauge pixazo.jobs.in.flight). */
    default void inFlight(int delta) {
    }

    /** A status query (pixazo.status.polls). */
    default void polled() {
    }

    /** A call asked again after a failure (pixazo.retries). */
    default void retried() {
    }

    /** One image downloaded, {@code bytes} long (pixazo.downloads, pixazo.downloaded.bytes). */
    default void downloaded(long bytes) {
    }

    /** An accepted job's estimated price (pixazo.spend.estimated, tag currency). */
    default void spent(BigDecimal amount, String currency) {
    }

    /** A budget refused a message (pixazo.budget.refusals). */
    default void budgetRefused() {
    }
}
