package io.github.camelpixazo.sandbox;

import java.util.Map;

/** A complete API response, computed first and sent later (possibly after an injected latency). */
record ApiResponse(int status, String body, Map<String, String> headers) {

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, body, Map.of());
    }
}
