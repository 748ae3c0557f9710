package io.github.camelpixazo.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelpixazo.media.SpooledData;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * The message body of an image that was too big to keep in the heap: a Camel {@link StreamCache} over the temporary
 * file it was downloaded to. {@code file:} and {@code ftp:} producers copy it by streaming; {@code getBody(byte[].class)}
 * still works (reading it whole into memory).
 * <p>
 * The file lives as long as anything holds the body: it is deleted once no copy of this object is reachable any more
 * (the JDK's {@link Cleaner}, at the garbage collection after the last holder let go), and at the latest when the
 * component stops. Not when the exchange that made it completes: Camel's aggregator, and any route step that keeps a
 * body, hands it to another exchange without telling it (Camel's own file stream cache, which counts exchanges, loses
 * its file there too). {@link #copy(Exchange)} (multicast, wire tap) shares the file with a reader of its own. The same
 * model as Apache Commons FileUpload's temporary files (commons-io {@code FileCleaningTracker}).
 */
public final class SpooledImageCache extends InputStream implements StreamCache {

    private static final Cleaner CLEANER = Cleaner.create(task -> {
        Thread thread = new Thread(task, "PixazoSpoolCleaner");
        thread.setDaemon(true);
        return thread;
    });

    /** Every spooled body's file not deleted yet, by CamelContext, so that a stopping component deletes its own. */
    private static final Map<Path, Tracked> LIVE = new ConcurrentHashMap<>();

    private record Tracked(CamelContext context, Cleaner.Cleanable cleanable) {
    }

    /** The file, shared by every copy of the body; deleted when none of them is reachable. */
    private static final class SharedFile {
        private final Path path;
        private final long length;

        SharedFile(Path path, long length, CamelContext context) {
            this.path = path;
            this.length = length;
            LIVE.put(path, new Tracked(context, CLEANER.register(this, new Deletion(path))));
        }
    }

    /** Deletes a file; holds only its path, never the body (which would then stay reachable for ever). */
    private record Deletion(Path path) implements Runnable {
        @Override
        public void run() {
            LIVE.remove(path);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }

    private final SharedFile file;
    private InputStream stream;
    private long position;

    private SpooledImageCache(SharedFile file) {
        this.file = file;
    }

    /** The body for spooled {@code data} made for {@code exchange}: its file lives as long as the body is held. */
    static SpooledImageCache of(SpooledData data, Exchange exchange) {
        return new SpooledImageCache(new SharedFile(data.file(), data.length(), exchange.getContext()));
    }

    /**
     * Deletes the files of every spooled body made in {@code context} that is still held (the component stops: an
     * aggregation that never completed, a body kept by a bean).
     */
    public static void deleteAll(CamelContext context) {
        LIVE.values().stream().filter(tracked -> tracked.context() == context).toList()
                .forEach(tracked -> tracked.cleanable().clean());
    }

    /** The temporary file (valid while this body is held). */
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

    /** Another reader over the same file (multicast, wire tap): the file lives while either is held. */
    @Override
    public StreamCache copy(Exchange exchange) {
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
