package io.github.camelpixazo.job;

import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;

/**
 * What happens to one job while the layers below the producer work on it, told as it happens: for its metrics and
 * its log lines. Called on HTTP, scheduler or worker threads: implementations are quick, thread-safe, and never throw
 * (what they throw is ignored).
 */
public interface JobEvents {

    /** Nothing listens. */
    JobEvents NONE = new JobEvents() {
    };

    /** A call of the job (its submit, a status query, a download) failed and is tried again. */
    default void retried() {
    }

    /** A status query of the job was made (answered or not). */
    default void polled() {
    }

    /** A status query found the job in another status than before. */
    default void statusChanged(JobStatus from, JobSnapshot snapshot) {
    }

    /** Calls {@code event}, keeping a listener's failure away from the job. */
    static void tell(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException ignored) {
            // a metrics or logging failure must not fail a paid job
        }
    }
}
