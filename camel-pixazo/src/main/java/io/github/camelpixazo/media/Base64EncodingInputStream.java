package io.github.camelpixazo.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Reads another stream as standard base64 (RFC 4648, with padding, no line breaks), encoding while it is read: an
 * image becomes the text of a data URI without ever being in memory whole. The JDK only offers the encoder as an
 * OutputStream wrapper, which would need a second thread or the whole result in memory to be read from.
 */
public final class Base64EncodingInputStream extends InputStream {

    private static final int CHUNK = 48 * 1024; // a multiple of 3: no padding before the end

    private final InputStream source;
    private final byte[] raw = new byte[CHUNK];
    private byte[] encoded = new byte[0];
    private int position;
    private boolean eof;

    public Base64EncodingInputStream(InputStream source) {
        this.source = source;
    }

    /** The length of the base64 text of {@code length} bytes. */
    public static long encodedLength(long length) {
        return 4 * ((length + 2) / 3);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == encoded.length && !fill()) {
            return -1;
        }
        int count = Math.min(len, encoded.length - position);
        System.arraycopy(encoded, position, b, off, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int filled = 0;
        while (filled < CHUNK) { // fill whole chunks, so padding only ever ends the text
            int read = source.read(raw, filled, CHUNK - filled);
            if (read == -1) {
                eof = true;
                break;
            }
            filled += read;
        }
        if (filled == 0) {
            return false;
        }
        byte[] input = filled == CHUNK ? raw : java.util.Arrays.copyOf(raw, filled);
        encoded = Base64.getEncoder().encode(input);
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
