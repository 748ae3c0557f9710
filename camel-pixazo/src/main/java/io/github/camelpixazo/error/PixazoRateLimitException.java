package io.github.camelpixazo.error;

import java.time.Duration;

/**
 * The gateway refused a submit for now and did not take the job: HTTP 429 (throttled), or HTTP 503 with a
 * {@code Retry-After} (temporarily unavailable: a refusal before any work, as Pixapi and EvoLink document their 503s),
 * even after the component's own retries ({@code maxRetries}), or it asked to wait longer than {@code maxRetryDelay}
 * or than is left of {@code jobTimeout}. Nothing was queued: safe to send again later, after {@link #getRetryAfter()}
 * if it is set. A {@link PixazoJobNotTakenException}.
 */
public class PixazoRateLimitException extends PixazoJobNotTakenException {

    /** HTTP 429. */
    public PixazoRateLimitException(String detail, Duration retryAfter, String gatewayError, String gatewayMessage) {
        this(429, detail, retryAfter, gatewayError, gatewayMessage);
    }

    /**
     * @param httpStatus 429, or 503 when the gateway sent a Retry-After with it
     */
    public PixazoRateLimitException(int httpStatus, String detail, Duration retryAfter, String gatewayError,
                                    String gatewayMessage) {
        this("The gateway", httpStatus, detail, retryAfter, gatewayError, gatewayMessage);
    }

    /** @param gateway the gateway's name, e.g. "Pixapi" */
    public PixazoRateLimitException(String gateway, int httpStatus, String detail, Duration retryAfter,
                                    String gatewayError, String gatewayMessage) {
        super((httpStatus == 429 ? gateway + " rate-limited the request (HTTP 429)"
                : gateway + " is temporarily unavailable (HTTP " + httpStatus + " with Retry-After)")
              + gatewaySays(gatewayError, gatewayMessage) + ": " + detail
              + (retryAfter != null ? " The gateway asked to retry after " + retryAfter.toSeconds() + "s." : "")
              + " Nothing was queued; send the message again later, lower the route's concurrency, or raise maxRetries.",
              httpStatus, gatewayError, gatewayMessage, null);
        withRetryAfter(retryAfter);
    }
}
