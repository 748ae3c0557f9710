package io.github.camelpixazo.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Buffers a whole (size-limited) body in memory: the shape of API answers. */
final class BufferingSink implements BodySink<HttpReply> {

    private final ResponseHead head;
    private ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

    BufferingSink(ResponseHead head) {
        this.head = head;
    }

    @Override
    public void write(ByteBuffer chunk) {
        if (chunk.hasArray()) {
            body.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
            chunk.position(chunk.limit());
        } else {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            body.write(copy, 0, copy.length);
        }
    }

    @Override
    public HttpReply complete() {
        Map<String, String> first = new HashMap<>();
        for (Map.Entry<String, List<String>> header : head.headers().entrySet()) {
            if (!header.getValue().isEmpty()) {
                first.put(header.getKey(), header.getValue().get(0));
            }
        }
        return new HttpReply(head.status(), first, body.toByteArray());
    }

    @Override
    public void discard() {
        body = new ByteArrayOutputStream(0);
    }
}
