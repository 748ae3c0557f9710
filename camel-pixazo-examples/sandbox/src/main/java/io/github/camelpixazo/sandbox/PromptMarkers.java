package io.github.camelpixazo.sandbox;

import java.util.Locale;

/**
 * Markers in a prompt that steer a job, for people who run the sandbox standalone or from YAML routes
 * and cannot call {@link SandboxFaults}: {@code [sandbox:failed]}, {@code [sandbox:error]},
 * {@code [sandbox:cancelled]}, {@code [sandbox:never]} and {@code [sandbox:slow]} (ten times the processing time).
 * Case-insensitive.
 */
final class PromptMarkers {

    static final int SLOW_FACTOR = 10;

    private PromptMarkers() {
    }

    static JobEnding ending(String prompt) {
        String lower = prompt.toLowerCase(Locale.ROOT);
        if (lower.contains("[sandbox:failed]")) {
            return JobEnding.of(JobOutcome.FAILED, null);
        }
        if (lower.contains("[sandbox:error]")) {
            return JobEnding.of(JobOutcome.ERROR, null);
        }
        if (lower.contains("[sandbox:cancelled]")) {
            return JobEnding.of(JobOutcome.CANCELLED, null);
        }
        if (lower.contains("[sandbox:never]")) {
            return JobEnding.NEVER_ENDS;
        }
        return JobEnding.COMPLETES;
    }

    static boolean isSlow(String prompt) {
        return prompt.toLowerCase(Locale.ROOT).contains("[sandbox:slow]");
    }
}
