package io.github.camelpixazo.request;

/**
 * Where and when the gateway posts job status callbacks. {@code allowHttpLoopback} relaxes the https rule for
 * loopback hosts only, for local tests against a sandbox.
 */
public record Webhook(String url, WebhookMode mode, boolean allowHttpLoopback) {
}
