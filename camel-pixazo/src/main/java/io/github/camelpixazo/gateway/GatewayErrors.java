package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.error.PixazoAuthenticationException;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoJobNotTakenException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.RetryAfter;

/**
 * One mapping from an unsuccessful HTTP answer to the component's exceptions, for every gateway: the same status on
 * a submit means the same type whichever gateway said it, so error handlers and the failover recipe work unchanged
 * when the gateway changes. Only the error body's shape differs, and {@link #readBody} tolerates every documented
 * one:
 * <ul>
 * <li>Pixazo: {@code {"error": "Insufficient Balance", "message": "..."}} (pixazo-gpt-image-api.txt);</li>
 * <li>Pixapi: {@code {"error": {"code": 400, "message", "type"}}} on its errors page and {@code {"error": {"code":
 * "model_unavailable", "message", "request_id"}}} in its error-handling guide (gateway-facts.md: accept both);</li>
 * <li>EvoLink: {@code {"error": {"code": 402, "message", "type", "param", "fallback_suggestion"}}}
 * (gateway-facts.md);</li>
 * <li>OpenAI's {@code {"error": {"message", "type", "param", "code"}}}, which Pixapi claims compatibility with.</li>
 * </ul>
 * On a submit, the "certainly not taken" statuses are {@link PixazoJobNotTakenException}s: 400 and 422
 * (validation), 401 and 403 (key), 402 (wallet), 404, 405, 413 and 415 (no such endpoint or model, a request it cannot
 * read), 429 and 503 with {@code Retry-After} (refused for now: Pixapi and EvoLink document 503 as "retry later").
 * Every other status - 5xx, 408, 409, ... - may have queued a billed job and is a plain {@link PixazoException}.
 */
public final class GatewayErrors {

    /** What a gateway's error body said: a short code or type, and a sentence. Either may be null. */
    public record ErrorBody(String error, String message) {
    }

    private GatewayErrors() {
    }

    /** Reads any of the documented error shapes; a body that is not JSON becomes the message (cut to 200 chars). */
    public static ErrorBody readBody(HttpReply reply) {
        try {
            JsonNode json = GatewayJson.MAPPER.readTree(reply.body());
            if (json != null && json.isObject()) {
                JsonNode error = json.get("error");
                if (error != null && error.isObject()) {
                    String code = GatewayJson.text(error, "type");
                    if (code == null) {
                        code = GatewayJson.text(error, "code");
                    }
                    String message = GatewayJson.text(error, "message");
                    String param = GatewayJson.text(error, "param");
                    String fallback = GatewayJson.text(error, "fallback_suggestion");
                    if (param != null) {
                        message = (message != null ? message : "") + " (param: " + param + ")";
                    }
                    if (fallback != null) {
                        message = (message != null ? message : "") + " (see " + fallback + ")";
                    }
                    return new ErrorBody(code, message);
                }
                String message = GatewayJson.text(json, "message");
                if (message == null) {
                    message = GatewayJson.text(json, "detail");
                }
                return new ErrorBody(GatewayJson.text(json, "error"), message);
            }
        } catch (IOException notJson) {
            // a proxy's page: quoted as it is
        }
        return new ErrorBody(null, reply.body().length == 0 ? null : GatewayJson.snippet(reply.body()));
    }

    /**
     * The exception for an unsuccessful answer.
     *
     * @param gateway   the gateway's name, for messages
     * @param requestId the job's id for a status query, null for a submit
     */
    public static PixazoException of(String gateway, HttpReply reply, ErrorBody body, CallPhase phase,
                                     String requestId) {
        int status = reply.status();
        // RFC 9110 defines Retry-After for 429 and 503; every call kind obeys it (submit, status, download)
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(reply.header("Retry-After"), Instant.now()) : null;
        return (phase == CallPhase.SUBMIT ? submitFailure(gateway, status, retryAfter, body)
                : statusFailure(gateway, status, body, requestId)).withRetryAfter(retryAfter);
    }

    /** A failed submit: the types that say "nothing was queued" are used only where that is true. */
    private static PixazoException submitFailure(String gateway, int status, Duration retryAfter, ErrorBody body) {
        String error = body.error();
        String message = body.message();
        String says = PixazoException.gatewaySays(error, message);
        String mayBeQueued = ". The job may have been queued anyway, so it is not resubmitted automatically (a second"
                             + " submit could be billed twice): check the " + gateway + " dashboard before sending the"
                             + " message again.";
        switch (status) {
            case 400:
            case 422:
                return new PixazoValidationException(gateway, status, error, message);
            case 401:
            case 403:
                return new PixazoAuthenticationException(gateway, status, error, message);
            case 402:
                return new PixazoInsufficientBalanceException(gateway, error, message);
            case 429:
                return new PixazoRateLimitException(gateway, 429, "the job was not queued.", retryAfter, error, message);
            case 404:
                return new PixazoJobNotTakenException(gateway + " has no such endpoint or model (HTTP 404)" + says
                        + ": check baseUrl (its path prefix is kept), the option gateway and the model. Nothing was"
                        + " queued.", status, error, message, null);
            case 405:
            case 413:
            case 415:
                return new PixazoJobNotTakenException(gateway + " refused the request as sent (HTTP " + status + ")"
                        + says + ": nothing was queued. Check baseUrl and the option gateway (is this the gateway"
                        + " the component speaks to?).", status, error, message, null);
            case 503:
                if (retryAfter != null) {
                    // a refusal to start work, with a time to come back: Pixapi and EvoLink document 503 as retryable
                    return new PixazoRateLimitException(gateway, 503, "the job was not queued.", retryAfter, error,
                            message);
                }
                return new PixazoException(gateway + " answered HTTP 503 to the submit" + says
                        + " without Retry-After" + mayBeQueued, status, error, message, null, null);
            default:
                return new PixazoException(gateway + " answered HTTP " + status + " to the submit" + says
                        + mayBeQueued, status, error, message, null, null);
        }
    }

    /**
     * A failed status query. The job was queued (and may be billed) whatever this says, so these are never the types
     * whose documented handling is "send again", and they always carry the request id.
     */
    private static PixazoException statusFailure(String gateway, int status, ErrorBody body, String requestId) {
        String error = body.error();
        String message = body.message();
        String says = PixazoException.gatewaySays(error, message);
        String job = "job " + requestId;
        if (status == 404) {
            return new PixazoException(gateway + " knows no " + job + " (HTTP 404)" + says
                    + ": check the request id (CamelPixazoRequestId of the submit), the option gateway and baseUrl.",
                    status, error, message, requestId, null);
        }
        if (status == 401 || status == 403) {
            return new PixazoException(gateway + (status == 401 ? " rejected the API key" : " denied access")
                    + " (HTTP " + status + ") on the status query of " + job + says + ": check the apiKey option"
                    + " (it is sent only to baseUrl). The job was queued before this: query it with pixazo:status"
                    + " once the key works rather than submitting again.", status, error, message, requestId, null);
        }
        return new PixazoException(gateway + " answered HTTP " + status + " to the status query of " + job + says
                + (status >= 500 || status == 429 ? ", also on every retry" : "") + ". The job itself continues at"
                + " the gateway (and may be billed): query it later with pixazo:status rather than submitting again.",
                status, error, message, requestId, null);
    }
}
