package io.github.camelpixazo.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A complete HTTP response, body buffered (JSON and images are small enough, and bounded by
 * {@link HttpCall#maxResponseBytes()}).
 *
 * @param headers header names in lower case
 */
public record HttpReply(int status, String reason, Map<String, String> headers, byte[] body) {

    public HttpReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
