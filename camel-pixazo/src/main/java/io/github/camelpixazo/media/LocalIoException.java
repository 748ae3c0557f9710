package io.github.camelpixazo.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An I/O failure of this machine, not of the gateway or the network: the spool directory cannot be created or written
 * (a regular file stands in its way, no permission, the disk is full), or a local input file cannot be read. Asking
 * the gateway again cannot help, so the job layer never retries it ({@code FailureKinds.local}); its message names
 * the path and what to do.
 */
public class LocalIoException extends IOException {

    private final transient Path path;
    private final boolean input;

    /**
     * @param message what failed and what to do, naming {@code path}
     * @param path    the file or directory concerned
     * @param cause   the JDK's failure
     */
    public LocalIoException(String message, Path path, IOException cause) {
        this(message, path, cause, false);
    }

    private LocalIoException(String message, Path path, IOException cause, boolean input) {
        super(message, cause);
        this.path = path;
        this.input = input;
    }

    /**
     * Whether a local input file failed (the request was never whole: nothing was queued), rather than the spool an
     * answer is written to (the request was sent: the job may exist).
     */
    public boolean isInput() {
        return input;
    }

    /** The file or directory concerned. */
    public Path getPath() {
        return path;
    }

    /** A failure to create or write a temporary file in the spool directory {@code directory}. */
    public static LocalIoException spool(Path directory, IOException cause) {
        return new LocalIoException("Could not write a temporary file in the spool directory " + directory + " ("
                + describe(cause) + "). Make it a writable directory with free space (it is Camel's stream-caching"
                + " spool directory when one is set, camel.main.stream-caching-spool-directory, else java.io.tmpdir),"
                + " or raise spoolThreshold (-1 keeps every image in memory).", directory, cause);
    }

    /** A failure to read the local input file {@code file}. */
    public static LocalIoException input(Path file, IOException cause) {
        return new LocalIoException("Could not read the local file " + file + " (" + describe(cause) + "). Nothing"
                + " was queued: check that the file still exists and is readable, then send the message again.", file,
                cause, true);
    }

    private static String describe(IOException cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
