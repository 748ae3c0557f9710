package io.github.camelpixazo.sandbox;

/** The {@code status} values of the gateway's status endpoint. */
enum JobStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, ERROR;

    boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == ERROR;
    }
}
