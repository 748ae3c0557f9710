package io.github.camelpixazo.error;

/**
 * The gateway answered with a body that is not its documented JSON (often a proxy's error page). Status queries are
 * retried; after a submit it is not, because the job may have been queued.
 */
public class PixazoMalformedResponseException extends PixazoException {

    public PixazoMalformedResponseException(String message, int httpStatus, String requestId, Throwable cause) {
        super(message, httpStatus, null, null, requestId, cause);
    }
}
