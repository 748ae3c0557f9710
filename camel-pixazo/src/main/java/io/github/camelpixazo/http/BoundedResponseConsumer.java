package io.github.camelpixazo.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ContentType;

/**
 * Buffers a response body up to a limit. HttpClient's own SimpleResponseConsumer has no limit, and a media URL that
 * streams gigabytes must fail the exchange, not the JVM.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpReply> {

    private final long maxBytes;
    private HttpResponse head;
    private ByteArrayOutputStream body;

    BoundedResponseConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        this.head = response;
        this.body = new ByteArrayOutputStream(8192);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (body.size() + (long) src.remaining() > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[src.remaining()];
            src.get(chunk);
            body.write(chunk);
        }
    }

    @Override
    protected HttpReply buildResult() {
        Map<String, String> headers = new HashMap<>();
        for (Header header : head.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        byte[] bytes = body != null ? body.toByteArray() : new byte[0];
        return new HttpReply(head.getCode(), head.getReasonPhrase(), headers, bytes);
    }

    @Override
    public void releaseResources() {
        body = null;
    }
}
