package io.github.camelpixazo.sandbox;

import java.time.Duration;

/** The sandbox configuration, fixed at build time. */
record SandboxSettings(int port, int mediaPort, Duration processingTime, String apiKey, String basePath,
                       boolean allowHttpLoopbackWebhooks) {
}
