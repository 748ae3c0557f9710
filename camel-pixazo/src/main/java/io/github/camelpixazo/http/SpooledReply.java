package io.github.camelpixazo.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.camelpixazo.media.SpooledData;

/**
 * A complete HTTP response whose body may be larger than is wise to hold in the heap: in memory up to a spool
 * threshold, else in a temporary file (see {@link io.github.camelpixazo.media.SpoolWriter}). Gateways read it as a
 * stream, so an answer carrying images as base64 is decoded without ever being one String.
 *
 * @param headers the first value of each header, names in lower case
 */
public record SpooledReply(int status, Map<String, String> headers, SpooledData body) {

    public SpooledReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A reply already buffered in memory. */
    public static SpooledReply of(HttpReply reply) {
        return new SpooledReply(reply.status(), reply.headers(), SpooledData.inMemory(reply.body()));
    }

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A fresh stream over the whole body. */
    public InputStream openBody() throws IOException {
        return body.openStream();
    }

    /** The body's length in bytes. */
    public long length() {
        return body.length();
    }

    /** The first {@code max} bytes of the body as UTF-8 text, for messages about answers that are not as expected. */
    public String head(int max) {
        byte[] head = body.head(max);
        return new String(head, 0, Math.min(head.length, max), StandardCharsets.UTF_8);
    }

    /** Deletes the body's temporary file, if it has one. */
    public void delete() {
        body.delete();
    }

    /** Never prints headers or body. */
    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length() + " bytes" + (body.inMemory() ? "" : " in a file") + ")";
    }
}
