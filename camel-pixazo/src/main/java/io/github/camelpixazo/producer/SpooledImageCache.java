package io.github.camelpixazo.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.media.SpooledData;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The message body of an image that was too big to keep in the heap: a Camel {@link StreamCache} over the temporary
 * file it was downloaded to. {@code file:} and {@code ftp:} producers copy it by streaming; {@code getBody(byte[].class)}
 * still works (reading it whole into memory). The file is deleted when the exchange completes - and, if the body
 * was copied into other exchanges (multicast, wire tap, aggregation), once all of them have completed.
 */
public final class SpooledImageCache extends InputStream implements StreamCache {

    /** The file and the number of exchanges still using it. */
    private static final class SharedFile {
        private final Path path;
        private final long length;
        private final AtomicInteger users = new AtomicInteger();

        SharedFile(Path path, long length) {
            this.path = path;
            this.length = length;
        }

        void use(Exchange exchange) {
            users.incrementAndGet();
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    if (users.decrementAndGet() == 0) {
                        try {
                            Files.deleteIfExists(path);
                        } catch (IOException e) {
                            path.toFile().deleteOnExit();
                        }
                    }
                }

                @Override
                public String toString() {
                    return "OnCompletion[pixazo spooled image]";
                }
            });
        }
    }

    private final SharedFile file;
    private InputStream stream;
    private long position;

    private SpooledImageCache(SharedFile file) {
        this.file = file;
    }

    /**
     * The body for spooled {@code data}, owned from now on by {@code exchange}: the file is deleted when it completes.
     */
    static SpooledImageCache of(SpooledData data, Exchange exchange) {
        SharedFile shared = new SharedFile(data.file(), data.length());
        shared.use(exchange);
        return new SpooledImageCache(shared);
    }

    /** The temporary file (valid until the exchange completes). */
    public Path file() {
        return file.path;
    }

    private InputStream stream() throws IOException {
        if (stream == null) {
            stream = Files.newInputStream(file.path);
        }
        return stream;
    }

    @Override
    public synchronized int read() throws IOException {
        int b = stream().read();
        if (b != -1) {
            position++;
        }
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        int n = stream().read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, file.length - position);
    }

    @Override
    public synchronized void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** Starts reading again from the first byte (Camel calls this between the steps of a route). */
    @Override
    public synchronized void reset() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }

    /** All the bytes, whatever was read so far: what {@code getBody(byte[].class)} gives. */
    public byte[] toByteArray() throws IOException {
        return Files.readAllBytes(file.path);
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        Files.copy(file.path, os);
    }

    @Override
    public StreamCache copy(Exchange exchange) {
        file.use(exchange);
        return new SpooledImageCache(file);
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return file.length;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public String toString() {
        return "SpooledImageCache[" + file.length + " bytes in " + file.path + "]";
    }
}
