package io.github.camelpixazo.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A complete HTTP response whose body is buffered in memory: API answers, bounded by
 * {@link HttpCall#maxResponseBytes()}. Downloads use a {@link ResponseHandler} instead.
 *
 * @param headers the first value of each header, names in lower case
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public HttpReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body decoded as UTF-8 (the gateways' JSON). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Never prints headers or body. */
    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
