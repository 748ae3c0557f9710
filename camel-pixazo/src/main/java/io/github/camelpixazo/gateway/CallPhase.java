package io.github.camelpixazo.gateway;

/** Which call failed: it decides what a failure means (a failed submit may or may not have queued a billed job). */
public enum CallPhase {
    SUBMIT, STATUS
}
