package io.github.camelpixazo.gateway;

import java.util.Locale;

/** A job's status at the gateway. {@link #UNKNOWN} stands for a value the gateway added after this component. */
public enum JobStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, ERROR, UNKNOWN;

    /** COMPLETED, FAILED and ERROR never change again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == ERROR;
    }

    /** Lenient parse of a gateway status; unknown values give {@link #UNKNOWN} (and keep being polled). */
    public static JobStatus fromGateway(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
