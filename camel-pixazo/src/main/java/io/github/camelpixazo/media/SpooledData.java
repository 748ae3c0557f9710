package io.github.camelpixazo.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes held either in memory or in a temporary file (see {@link SpoolWriter}), with their first bytes at hand for
 * sniffing the format and reading the dimensions without opening the file.
 */
public final class SpooledData {

    private final byte[] bytes;
    private final Path file;
    private final long length;
    private final byte[] head;

    private SpooledData(byte[] bytes, Path file, long length, byte[] head) {
        this.bytes = bytes;
        this.file = file;
        this.length = length;
        this.head = head;
    }

    /** Bytes in memory. */
    public static SpooledData inMemory(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new SpooledData(bytes, null, bytes.length, bytes);
    }

    /** A temporary file of {@code length} bytes that starts with {@code head}. */
    public static SpooledData inFile(Path file, long length, byte[] head) {
        return new SpooledData(null, Objects.requireNonNull(file, "file"), length, head);
    }

    /** True for bytes in memory, false for a temporary file. */
    public boolean inMemory() {
        return bytes != null;
    }

    /** The bytes, when {@link #inMemory()}; otherwise null. */
    public byte[] bytes() {
        return bytes;
    }

    /** The temporary file, when not {@link #inMemory()}; otherwise null. */
    public Path file() {
        return file;
    }

    /** The number of bytes. */
    public long length() {
        return length;
    }

    /** The first bytes (all of them when in memory). */
    public byte[] head() {
        return head;
    }

    /** The first {@code n} bytes, or fewer when the data or its kept head is shorter. */
    public byte[] head(int n) {
        return head.length <= n ? head : Arrays.copyOf(head, n);
    }

    /** A fresh stream over all the bytes. */
    public InputStream openStream() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** Deletes the file (nothing to do in memory). */
    public void delete() {
        if (file != null) {
            TempFiles.delete(file);
        }
    }

    @Override
    public String toString() {
        return bytes != null ? "SpooledData[" + length + " bytes in memory]" : "SpooledData[" + length + " bytes in " + file + "]";
    }
}
