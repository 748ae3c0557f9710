package io.github.camelpixazo.error;

/**
 * This machine failed, not the gateway: the spool directory cannot be created or written (a regular file in its way,
 * no permission, a full disk), or a local input file could not be read while it was sent. Asking the gateway again
 * cannot help, so nothing is retried; the message names the path and what to do. When it happens while storing a
 * downloaded image, the job is complete and paid ({@link #getRequestId()}): fix the disk, then fetch the images with
 * {@code pixazo:status} rather than submitting again.
 */
public class PixazoLocalIoException extends PixazoException {

    public PixazoLocalIoException(String message, String requestId, Throwable cause) {
        super(message, 0, null, null, requestId, cause);
    }
}
