package io.github.camelpixazo.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Receives bytes of unknown length and keeps them in memory up to the {@link SpoolSettings#threshold()}; past it,
 * what was received so far and everything after goes to a temporary file (registered with {@link TempFiles}, so it
 * is deleted with its unit of work). So memory per body is bounded by the threshold, whatever the body's size.
 * Methods are synchronized: a body is written by one thread at a time, but may be discarded from another.
 */
public final class SpoolWriter {

    private final SpoolSettings settings;
    private final TempFiles tempFiles;
    private final String prefix;
    private final int headSize;
    private final boolean spillAtOnce;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
    // (a ByteArrayOutputStream grows by doubling: up to twice the threshold while a body fills it)
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private Path file;
    private FileChannel channel;
    private long length;
    private boolean done;

    /**
     * @param prefix   the temporary file's name prefix (the request id, so an operator knows what it is)
     * @param headSize how many leading bytes to keep in memory for sniffing when the body goes to a file
     */
    public SpoolWriter(SpoolSettings settings, TempFiles tempFiles, String prefix, int headSize) {
        this(settings, tempFiles, prefix, headSize, -1);
    }

    /**
     * @param expectedLength the body's announced length (Content-Length), or -1: a body announced above the
     *                       threshold goes to the file from its first byte, without filling memory first
     */
    public SpoolWriter(SpoolSettings settings, TempFiles tempFiles, String prefix, int headSize, long expectedLength) {
        this.settings = settings;
        this.tempFiles = tempFiles;
        this.prefix = prefix;
        this.headSize = headSize;
        this.spillAtOnce = expectedLength >= 0 && settings.spools(expectedLength);
    }

    /** Appends the buffer's remaining bytes. */
    public synchronized void write(ByteBuffer chunk) throws IOException {
        requireOpen();
        int count = chunk.remaining();
        if (head.size() < headSize) {
            ByteBuffer first = chunk.duplicate();
            byte[] bytes = new byte[Math.min(count, headSize - head.size())];
            first.get(bytes);
            head.write(bytes, 0, bytes.length);
        }
        if (channel == null && (spillAtOnce || settings.spools(length + count))) {
            spill();
        }
        if (channel != null) {
            try {
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            } catch (IOException full) { // e.g. no space left on the device
                throw LocalIoException.spool(settings.directory(), full);
            }
        } else if (chunk.hasArray()) {
            memory.write(chunk.array(), chunk.arrayOffset() + chunk.position(), count);
            chunk.position(chunk.limit());
        } else {
            byte[] copy = new byte[count];
            chunk.get(copy);
            memory.write(copy, 0, count);
        }
        length += count;
    }

    /** Appends everything the stream gives, up to {@code limit} bytes; returns false if there was more. */
    public boolean writeAll(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return false;
            }
            write(ByteBuffer.wrap(buffer, 0, read));
        }
        return true;
    }

    /** The bytes received: in memory, or the closed temporary file. */
    public synchronized SpooledData finish() throws IOException {
        requireOpen();
        done = true;
        if (channel == null) {
            byte[] bytes = memory.toByteArray();
            memory = null;
            return SpooledData.inMemory(bytes);
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw LocalIoException.spool(settings.directory(), e);
        }
        return SpooledData.inFile(file, length, head.toByteArray());
    }

    /** Drops what was received, deleting the temporary file if there is one. Safe to call more than once. */
    public synchronized void discard() {
        done = true;
        memory = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
            TempFiles.delete(file);
        }
    }

    /**
     * This writer as an {@link java.io.OutputStream} (for decoders that write, such as Jackson's
     * {@code readBinaryValue}); closing the stream does not finish the writer.
     */
    public java.io.OutputStream asOutputStream() {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                SpoolWriter.this.write(ByteBuffer.wrap(new byte[] { (byte) b }));
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                SpoolWriter.this.write(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** Bytes received so far. */
    public synchronized long length() {
        return length;
    }

    /**
     * Moves what was received to a new temporary file. Failures here are this machine's, not the sender's, so they are
     * a {@link LocalIoException} naming the directory: receiving the body again would fail the same way.
     */
    private void spill() throws IOException {
        try {
            Files.createDirectories(settings.directory());
            file = Files.createTempFile(settings.directory(), prefix + "-", ".spool");
        } catch (IOException e) {
            throw LocalIoException.spool(settings.directory(), e);
        }
        if (!tempFiles.register(file)) {
            done = true;
            throw new IOException("The exchange ended while its image was being received; the partial file was deleted");
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            memory.writeTo(java.nio.channels.Channels.newOutputStream(channel)); // no copy of what was received
        } catch (IOException e) {
            throw LocalIoException.spool(settings.directory(), e);
        }
        memory = null;
    }

    private void requireOpen() throws IOException {
        if (done) {
            throw new IOException("The body was already finished or discarded");
        }
    }
}
