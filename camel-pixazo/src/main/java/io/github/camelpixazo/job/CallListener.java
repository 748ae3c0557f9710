package io.github.camelpixazo.job;

import io.github.camelpixazo.gateway.CallPhase;

/**
 * Told the HTTP status of every API call a {@link JobClient} makes (submits and status queries; not downloads, whose
 * 403 means an expired URL, not a refused key): what a health check needs to see the gateway refuse the key (401,
 * 403) or the wallet (402), and accept it again. Called on HTTP threads; quick, never throws.
 */
@FunctionalInterface
public interface CallListener {

    CallListener NONE = (phase, status) -> {
    };

    /** The gateway answered {@code status} to a call of {@code phase}. */
    void answered(CallPhase phase, int status);
}
