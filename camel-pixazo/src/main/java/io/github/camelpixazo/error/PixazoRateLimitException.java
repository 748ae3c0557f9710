package io.github.camelpixazo.error;

import java.time.Duration;

/**
 * HTTP 429: the gateway throttled the submit and did not take the job, even after the component's own retries
 * ({@code maxRetries}). Safe to send again later.
 */
public class PixazoRateLimitException extends PixazoException {

    private final Duration retryAfter;

    public PixazoRateLimitException(String detail, Duration retryAfter, String gatewayError, String gatewayMessage) {
        super("The gateway rate-limited the request (HTTP 429)" + gatewaySays(gatewayError, gatewayMessage) + ": " + detail
              + (retryAfter != null ? " The gateway asked to retry after " + retryAfter.toSeconds() + "s." : "")
              + " Nothing was queued; send the message again later, lower the route's concurrency, or raise maxRetries.",
              429, gatewayError, gatewayMessage, null, null);
        this.retryAfter = retryAfter;
    }

    /** The gateway's Retry-After, or null if it sent none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
