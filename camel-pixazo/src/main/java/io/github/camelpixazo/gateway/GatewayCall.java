package io.github.camelpixazo.gateway;

import java.util.Map;

import io.github.camelpixazo.http.RequestBody;

/**
 * A request to the gateway's API, before authentication. The path is relative to {@code baseUrl}: a gateway can only
 * name paths, never hosts, so nothing it parses from a response (such as a polling URL) can redirect the key.
 *
 * @param path           starts with '/'
 * @param body           the request body (JSON or multipart/form-data, possibly with images streamed into it), or
 *                       null
 * @param inlineImages   the answer may carry images as base64 (Pixapi with {@code b64_json}): it is spooled rather
 *                       than buffered, and may be as large as the images
 * @param waitsForResult the gateway answers only when the job is done (a synchronous endpoint): the server may stay
 *                       silent for minutes, so the call's read timeout is what is left of the job's deadline rather
 *                       than {@code readTimeout}
 */
public record GatewayCall(String method, String path, Map<String, String> headers, RequestBody body,
                          boolean inlineImages, boolean waitsForResult) {

    public GatewayCall {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("A gateway path must be relative to baseUrl and start with a single '/'");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A call whose answer is small JSON and comes at once. */
    public GatewayCall(String method, String path, Map<String, String> headers, RequestBody body) {
        this(method, path, headers, body, false, false);
    }
}
