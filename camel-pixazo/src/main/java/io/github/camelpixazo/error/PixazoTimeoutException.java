package io.github.camelpixazo.error;

/**
 * Something took longer than the configured time. For {@code jobTimeout} the job is still known to the gateway (see
 * {@link #getRequestId()}) and may still complete and be billed: query it with {@code pixazo:status} instead of
 * submitting again.
 */
public class PixazoTimeoutException extends PixazoException {

    public PixazoTimeoutException(String message, String requestId, Throwable cause) {
        super(message, 0, null, null, requestId, cause);
    }
}
