package io.github.camelpixazo.gateway;

import java.util.Map;

import io.github.camelpixazo.http.RequestBody;

/**
 * A request to the gateway's API, before authentication. The path is relative to {@code baseUrl}: a gateway can only
 * name paths, never hosts, so nothing it parses from a response (such as a polling URL) can redirect the key.
 *
 * @param path starts with '/'
 * @param body the request body (JSON, possibly with images streamed into it), or null
 */
public record GatewayCall(String method, String path, Map<String, String> headers, RequestBody body) {

    public GatewayCall {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("A gateway path must be relative to baseUrl and start with a single '/'");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
