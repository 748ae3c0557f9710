package io.github.camelpixazo.error;

/**
 * The submit never reached the gateway (connection refused, the host did not resolve, a connect timeout, no free
 * connection before the deadline), also on every retry: nothing was sent, so nothing was queued. Check
 * {@code baseUrl}, the proxy settings and the network; the message can be sent again, or to another gateway.
 */
public class PixazoUnreachableException extends PixazoJobNotTakenException {

    /** @param cause what the transport reported (a refused connection, an unknown host, ...) */
    public PixazoUnreachableException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
