package io.github.camelpixazo.error;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Base of every failure the {@code pixazo:} component reports. Carries what the gateway said (HTTP status, its
 * {@code error} and {@code message} fields) and the request id when one is known, so that error handlers and health
 * checks can act on it. Messages never contain the API key.
 */
public class PixazoException extends RuntimeCamelException implements HttpResponseAware {

    private int httpStatus;
    private String httpStatusText;
    private String gatewayError;
    private String gatewayMessage;
    private final String requestId;
    private Duration retryAfter;
    /** Set by {@link #redactWith}: the message and causes without secrets. */
    private volatile Redacted redacted;

    private record Redacted(String message, Throwable cause) {
    }

    public PixazoException(String message) {
        this(message, 0, null, null, null, null);
    }

    public PixazoException(String message, Throwable cause) {
        this(message, 0, null, null, null, cause);
    }

    public PixazoException(String message, int httpStatus, String gatewayError, String gatewayMessage,
                           String requestId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.gatewayError = gatewayError;
        this.gatewayMessage = gatewayMessage;
        this.requestId = requestId;
    }

    /** The message, without any secret an echoing gateway put into it (see {@link SecretRedactor}). */
    @Override
    public String getMessage() {
        Redacted r = redacted;
        return r != null ? r.message() : super.getMessage();
    }

    /** The cause; a redacted copy when its message quoted a secret (see {@link SecretRedactor}). */
    @Override
    public synchronized Throwable getCause() {
        Redacted r = redacted;
        return r != null ? r.cause() : super.getCause();
    }

    /**
     * Removes every secret {@code redactor} knows from this exception's message, gateway words and cause chain, in
     * place; returns this exception.
     */
    PixazoException redactWith(SecretRedactor redactor) {
        Redacted r = redacted;
        String message = redactor.redact(r != null ? r.message() : super.getMessage());
        Throwable cause = redactor.redactedCause(r != null ? r.cause() : super.getCause());
        gatewayError = redactor.redact(gatewayError);
        gatewayMessage = redactor.redact(gatewayMessage);
        redacted = new Redacted(message, cause);
        return this;
    }

    /** The HTTP status the gateway answered with, or 0 when the failure did not come from an HTTP response. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The gateway's {@code error} field, if it sent one. */
    public String getGatewayError() {
        return gatewayError;
    }

    /** The gateway's {@code message} field, if it sent one. */
    public String getGatewayMessage() {
        return gatewayMessage;
    }

    /** The gateway's request id of the job concerned, when known (null for failures before a job was accepted). */
    public String getRequestId() {
        return requestId;
    }

    /**
     * How long the gateway asked to wait before asking again (its {@code Retry-After} header on a 429 or 503, as
     * delay-seconds or an HTTP-date), or null if it did not say.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** Records the gateway's {@code Retry-After}; returns this exception. */
    public PixazoException withRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpStatusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpStatusText = status;
    }

    /** " (gateway said: error: message)" or "" - appended to messages so users see the gateway's own words. */
    public static String gatewaySays(String gatewayError, String gatewayMessage) {
        boolean hasError = gatewayError != null && !gatewayError.isBlank();
        boolean hasMessage = gatewayMessage != null && !gatewayMessage.isBlank();
        if (!hasError && !hasMessage) {
            return "";
        }
        if (hasError && hasMessage) {
            return " (gateway said: " + gatewayError + ": " + gatewayMessage + ")";
        }
        return " (gateway said: " + (hasError ? gatewayError : gatewayMessage) + ")";
    }
}
