package io.github.camelpixazo.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * A complete API response, computed first and sent later (possibly after an injected latency).
 *
 * @param delay how long the gateway takes to answer on its own (a synchronous endpoint answers when the job is done)
 */
record ApiResponse(int status, String body, Map<String, String> headers, Duration delay) {

    ApiResponse(int status, String body, Map<String, String> headers) {
        this(status, body, headers, Duration.ZERO);
    }

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, body, Map.of());
    }

    ApiResponse after(Duration wait) {
        return new ApiResponse(status, body, headers, wait);
    }
}
