package io.github.camelpixazo.sandbox;

import java.time.Duration;

/** The sandbox configuration, fixed at build time. */
record SandboxSettings(int port, int mediaPort, Duration processingTime, String apiKey, String basePath,
                       boolean allowHttpLoopbackWebhooks, SandboxGateway gateway) {

    SandboxSettings(int port, int mediaPort, Duration processingTime, String apiKey, String basePath,
                    boolean allowHttpLoopbackWebhooks) {
        this(port, mediaPort, processingTime, apiKey, basePath, allowHttpLoopbackWebhooks, SandboxGateway.PIXAZO);
    }
}
