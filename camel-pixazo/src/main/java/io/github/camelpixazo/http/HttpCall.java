package io.github.camelpixazo.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP exchange to make: everything the transport needs, nothing about gateways or keys.
 *
 * @param body             the request body, or null for none
 * @param connectTimeout   how long establishing the connection may take
 * @param readTimeout      how long the server may stay silent once the request is sent (before the headers, and
 *                         between two chunks of the body)
 * @param timeLimit        how long the whole call may take, waiting for a connection included (the caller's
 *                         deadline); null for no limit beyond the timeouts
 * @param followRedirects  false for API calls (a redirect must never carry the key elsewhere), true for downloads
 *                         (never from https to http)
 * @param maxResponseBytes responses larger than this fail instead of exhausting memory or disk
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, RequestBody body, Duration connectTimeout,
                       Duration readTimeout, Duration timeLimit, boolean followRedirects, long maxResponseBytes) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The same call with another time limit (what is left of the caller's deadline at this attempt). */
    public HttpCall withTimeLimit(Duration limit) {
        return new HttpCall(method, uri, headers, body, connectTimeout, readTimeout, limit, followRedirects,
                maxResponseBytes);
    }

    /** Never prints header values: one of them may be a key. */
    @Override
    public String toString() {
        return method + " " + uri;
    }
}
