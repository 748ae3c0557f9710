package io.github.camelpixazo.error;

import java.nio.file.Path;

/**
 * The job store could not do what was asked: a record could not be written or read, the store directory cannot be
 * created, written or locked, the database refused a statement, or a request id is already stored with different
 * contents. The message names the store's location (a directory or a table) and, when one is concerned, the request
 * id ({@link #getRequestId()}); {@link #getPath()} gives the directory or file when the store is file based, so that
 * callers can name the option that configured it.
 */
public class JobStoreException extends PixazoException {

    private final String location;
    private final transient Path path;

    /**
     * @param message  what failed and what to do; already names the location and the request id
     * @param location the store's location as people read it: a directory, a file, or "table pixazo_jobs (PostgreSQL)"
     * @param path     the directory or file concerned for a file store, else null
     * @param requestId the request id concerned, or null
     * @param cause    the underlying failure, or null
     */
    public JobStoreException(String message, String location, Path path, String requestId, Throwable cause) {
        super(message, 0, null, null, requestId, cause);
        this.location = location;
        this.path = path;
    }

    /** Where the store keeps its records, as people read it (a directory or a table). */
    public String getLocation() {
        return location;
    }

    /** The directory or file concerned when the store is file based, else null. */
    public Path getPath() {
        return path;
    }
}
