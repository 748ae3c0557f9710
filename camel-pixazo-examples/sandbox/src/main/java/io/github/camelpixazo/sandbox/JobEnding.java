package io.github.camelpixazo.sandbox;

/**
 * How a job will end, fixed when it is submitted (by a queued fault or a prompt marker).
 *
 * @param errorText the {@code error} text for FAILED and ERROR; null otherwise
 */
record JobEnding(Kind kind, String errorText) {

    enum Kind { COMPLETE, FAIL, ERROR, CANCEL, NEVER }

    static final String DEFAULT_FAILED_TEXT = "Image generation failed (sandbox)";
    static final String DEFAULT_ERROR_TEXT = "Internal error while processing the request (sandbox)";
    static final String DEFAULT_CANCELLED_TEXT = "The task was cancelled (sandbox)";
    static final JobEnding COMPLETES = new JobEnding(Kind.COMPLETE, null);
    static final JobEnding NEVER_ENDS = new JobEnding(Kind.NEVER, null);

    static JobEnding of(JobOutcome outcome, String errorText) {
        return switch (outcome) {
            case FAILED -> new JobEnding(Kind.FAIL, errorText != null ? errorText : DEFAULT_FAILED_TEXT);
            case ERROR -> new JobEnding(Kind.ERROR, errorText != null ? errorText : DEFAULT_ERROR_TEXT);
            case CANCELLED -> new JobEnding(Kind.CANCEL, errorText != null ? errorText : DEFAULT_CANCELLED_TEXT);
        };
    }

    JobStatus terminalStatus() {
        return switch (kind) {
            case COMPLETE -> JobStatus.COMPLETED;
            case FAIL -> JobStatus.FAILED;
            case ERROR -> JobStatus.ERROR;
            case CANCEL -> JobStatus.CANCELLED;
            case NEVER -> JobStatus.PROCESSING;
        };
    }
}
