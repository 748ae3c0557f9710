package io.github.camelpixazo.sandbox;

/** The unhappy terminal states a job can be told to end in (see {@link SandboxFaults#nextJobsEnd}). */
public enum JobOutcome {
    /** The model failed the job ("check error field" in the gateway's words). */
    FAILED,
    /** A system error; the gateway says such jobs are not charged. */
    ERROR,
    /** Cancelled at the gateway (EvoLink's {@code cancelled}; an ERROR on Pixazo, {@code failed} on Pixapi). */
    CANCELLED
}
