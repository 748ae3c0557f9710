package io.github.camelpixazo.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary files of one unit of work (one exchange), deleted together when it ends. A file registered after
 * the end (a download that finished after its exchange had already failed) is deleted at once.
 */
public final class TempFiles {

    private final List<Path> files = new ArrayList<>();
    private boolean closed;

    /** @return false if the unit of work had already ended: the file was deleted */
    public boolean register(Path file) {
        synchronized (this) {
            if (!closed) {
                files.add(file);
                return true;
            }
        }
        delete(file);
        return false;
    }

    /** Hands a file over to another owner: it is no longer deleted with this unit of work. */
    public synchronized void release(Path file) {
        files.remove(file);
    }

    /** Deletes every registered file; later registrations delete theirs at once. */
    public void deleteAll() {
        List<Path> toDelete;
        synchronized (this) {
            closed = true;
            toDelete = new ArrayList<>(files);
            files.clear();
        }
        toDelete.forEach(TempFiles::delete);
    }

    /** Whether the unit of work has ended (its files were deleted). */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Files registered and not deleted yet. */
    public synchronized int size() {
        return files.size();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
