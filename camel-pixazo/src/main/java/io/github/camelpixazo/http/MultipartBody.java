package io.github.camelpixazo.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds a {@code multipart/form-data} request body (RFC 7578) as {@link RequestBody} segments: the boundaries and
 * part headers as bytes, each file part's content streamed from its source while it is sent, so an upload of several
 * 50 MB images needs no more heap than a small one, and a retried call sends every part again from its start. The
 * length is known whenever every file's length is, and is then sent as {@code Content-Length}.
 * <p>
 * Field names and file names are written as quoted strings; a quote, a backslash or a line break in them is refused
 * (they come from the gateway layer, never from users). Text values are UTF-8, without a part content type, as
 * browsers send them.
 */
public final class MultipartBody {


    private final String boundary;
    private final List<RequestBody.Segment> segments = new ArrayList<>();
    private boolean empty = true;

    private MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    /** A body with a random boundary that cannot occur in a part by chance. */
    public static MultipartBody builder() {
        return new MultipartBody("----camel-pixazo-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** The boundary, for tests that parse what was sent. */
    public String boundary() {
        return boundary;
    }

    /** A text field. */
    public MultipartBody field(String name, String value) {
        Objects.requireNonNull(value, "value");
        head("Content-Disposition: form-data; name=\"" + token(name) + "\"\r\n");
        segments.add(new RequestBody.BytesSegment(value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /**
     * A file part, read from {@code source} while it is sent.
     *
     * @param length its length in bytes, or -1 when unknown (the body is then sent chunked)
     */
    public MultipartBody file(String name, String fileName, String contentType, long length,
                              RequestBody.StreamSource source) {
        Objects.requireNonNull(contentType, "contentType");
        head("Content-Disposition: form-data; name=\"" + token(name) + "\"; filename=\"" + token(fileName) + "\"\r\n"
                + "Content-Type: " + token(contentType) + "\r\n");
        segments.add(new RequestBody.StreamSegment(length, source));
        return this;
    }

    /** The body: {@code multipart/form-data; boundary=...}. */
    public RequestBody build() {
        List<RequestBody.Segment> all = new ArrayList<>(segments);
        all.add(new RequestBody.BytesSegment(((empty ? "" : "\r\n") + "--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        return RequestBody.of("multipart/form-data; boundary=" + boundary, all);
    }

    private void head(String headers) {
        String opening = (empty ? "" : "\r\n") + "--" + boundary + "\r\n" + headers + "\r\n";
        segments.add(new RequestBody.BytesSegment(opening.getBytes(StandardCharsets.UTF_8)));
        empty = false;
    }

    private static String token(String text) {
        Objects.requireNonNull(text, "name");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("A multipart name may not contain quotes, backslashes or line"
                        + " breaks: " + text);
            }
        }
        return text;
    }
}
