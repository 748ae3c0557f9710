package io.github.camelpixazo.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP exchange to make: everything the transport needs, nothing about gateways or keys.
 *
 * @param body             the request body, or null
 * @param contentType      the body's content type, or null without body
 * @param followRedirects  false for API calls (a redirect must never carry the key elsewhere), true for downloads
 * @param maxResponseBytes responses larger than this fail instead of exhausting the heap
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
                       Duration connectTimeout, Duration readTimeout, boolean followRedirects, long maxResponseBytes) {

    public HttpCall {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Never prints header values: one of them may be a key. */
    @Override
    public String toString() {
        return method + " " + uri;
    }
}
