package io.github.camelpixazo.error;

/**
 * The gateway certainly did not take the job: nothing was queued, nothing can be billed, so the same message may be
 * sent again - later, after fixing it, or to another gateway. Its subclasses are the reasons: the message was
 * invalid ({@link PixazoValidationException}, locally or HTTP 400/422), the key was refused
 * ({@link PixazoAuthenticationException}, HTTP 401/403 on a submit), the wallet is empty
 * ({@link PixazoInsufficientBalanceException}, 402), the gateway refused for now ({@link PixazoRateLimitException},
 * 429 after the retries, or 503 with Retry-After), or it could not be reached at all
 * ({@link PixazoUnreachableException}, nothing was sent); a direct instance is another refusal before any work
 * (HTTP 404, 405, 413 or 415 on a submit: no such endpoint or model, or a request the gateway cannot read).
 * <p>
 * This is the type Camel's failover load balancer is safe with: {@code loadBalance().failover(
 * PixazoJobNotTakenException.class)} moves a message to the next gateway only when the first one certainly did not
 * take it. Nothing after which the job may exist (a 5xx or a timeout once the submit was sent, a failure while the
 * job was awaited) is of this type.
 */
public class PixazoJobNotTakenException extends PixazoException {

    /** A local refusal: nothing left the JVM. */
    public PixazoJobNotTakenException(String message) {
        super(message);
    }

    /** The gateway's refusal (or a failure before anything was sent, {@code httpStatus} 0). */
    public PixazoJobNotTakenException(String message, int httpStatus, String gatewayError, String gatewayMessage,
                                      Throwable cause) {
        super(message, httpStatus, gatewayError, gatewayMessage, null, cause);
    }
}
