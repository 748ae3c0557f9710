package io.github.camelpixazo.sandbox.image;

import java.util.Arrays;

/** Packs bit fields least-significant bit first, the bit order of the WebP lossless (VP8L) bitstream. */
final class LsbBitWriter {

    private byte[] buffer;
    private int length;
    private long pending;
    private int pendingBits;

    LsbBitWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Appends the low {@code bitCount} bits of {@code value} (0..32 bits). */
    void write(int value, int bitCount) {
        if (bitCount == 0) {
            return;
        }
        pending |= (value & ((1L << bitCount) - 1)) << pendingBits;
        pendingBits += bitCount;
        while (pendingBits >= 8) {
            appendByte((byte) pending);
            pending >>>= 8;
            pendingBits -= 8;
        }
    }

    /** Flushes the last partial byte (zero-padded) and returns the written bytes. */
    byte[] toByteArray() {
        if (pendingBits > 0) {
            appendByte((byte) pending);
            pending = 0;
            pendingBits = 0;
        }
        return Arrays.copyOf(buffer, length);
    }

    private void appendByte(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }
}
