package io.github.camelpixazo.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.github.camelpixazo.media.SpoolWriter;
import io.github.camelpixazo.media.SpooledData;

/**
 * Streams a body into a {@link SpoolWriter}: in memory up to its threshold, to a temporary file beyond, so a body's
 * size does not decide the heap it needs.
 */
public final class SpoolingSink implements BodySink<SpooledData> {

    private final SpoolWriter writer;

    public SpoolingSink(SpoolWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(ByteBuffer chunk) throws IOException {
        writer.write(chunk);
    }

    @Override
    public SpooledData complete() throws IOException {
        return writer.finish();
    }

    @Override
    public void discard() {
        writer.discard();
    }

    @Override
    public void dispose(SpooledData result) {
        result.delete();
    }
}
