package io.github.camelpixazo.sandbox;

/**
 * A job's state. Pixazo's status endpoint uses these names (QUEUED ... ERROR); the other gateways' protocols render
 * them in their own words ({@code pending}, {@code processing}, ...). CANCELLED is EvoLink's, rendered as ERROR by
 * Pixazo and {@code failed} by Pixapi.
 */
enum JobStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, ERROR, CANCELLED;

    boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == ERROR || this == CANCELLED;
    }
}
