package io.github.camelpixazo.gateway;

import java.util.Objects;

/**
 * What a submit ended in: the job was accepted and is to be polled ({@link #result()} null), or it is finished
 * already - a synchronous endpoint (Pixapi's {@code /v1/images/...}) answers with the images themselves, as URLs or
 * inline base64.
 *
 * @param job    the job (for a synchronous answer, which carries no id, a local id the component made)
 * @param result the finished job, or null when it must be awaited
 */
public record SubmitOutcome(SubmittedJob job, JobSnapshot result) {

    public SubmitOutcome {
        Objects.requireNonNull(job, "job");
    }

    /** Accepted: poll it. */
    public static SubmitOutcome accepted(SubmittedJob job) {
        return new SubmitOutcome(job, null);
    }

    /** Finished in the submit's own answer. */
    public static SubmitOutcome finished(SubmittedJob job, JobSnapshot result) {
        return new SubmitOutcome(job, Objects.requireNonNull(result, "result"));
    }

    /** Whether the gateway answered with the finished job (nothing to poll). */
    public boolean isFinished() {
        return result != null;
    }
}
