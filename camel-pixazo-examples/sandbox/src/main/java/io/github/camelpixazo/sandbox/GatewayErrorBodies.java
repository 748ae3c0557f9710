package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * The error bodies of Pixapi and EvoLink (gateway-facts.md), from an {@link ApiException}'s status, message and
 * headers (a 429's {@code Retry-After} is kept).
 */
final class GatewayErrorBodies {

    private GatewayErrorBodies() {
    }

    /**
     * Pixapi's errors page: {@code {"error": {"code": <status>, "message", "type"}}}; a 503 in its error-handling
     * guide's shape, {@code {"error": {"code": "model_unavailable", "message", "request_id"}}}, so that clients meet
     * both documented shapes.
     */
    static ApiResponse pixapi(ApiException e) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        if (e.status() == 503) {
            error.put("code", "model_unavailable");
            error.put("message", e.getMessage());
            error.put("request_id", "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        } else {
            error.put("code", e.status());
            error.put("message", e.getMessage());
            error.put("type", pixapiType(e.status()));
        }
        return new ApiResponse(e.status(), StrictJson.write(body), e.headers());
    }

    /** EvoLink's: {@code {"error": {"code": <status>, "message", "type", "param"?, "fallback_suggestion"?}}}. */
    static ApiResponse evolink(ApiException e, String param) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", e.status());
        error.put("message", e.getMessage());
        error.put("type", evolinkType(e.status()));
        if (param != null) {
            error.put("param", param);
        }
        if (e.status() == 402) {
            error.put("fallback_suggestion", "https://evolink.ai/dashboard/billing");
        }
        return new ApiResponse(e.status(), StrictJson.write(body), e.headers());
    }

    /** The errors page's table (gateway-facts.md). */
    static String pixapiType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "unauthorized";
            case 402 -> "insufficient_credits";
            case 404 -> "model_not_found";
            case 422 -> "prompt_rejected";
            case 429 -> "rate_limited";
            case 503 -> "model_unavailable";
            default -> status >= 500 ? "internal_error" : "invalid_request_error";
        };
    }

    /** The task query's documented cases (gateway-facts.md). */
    static String evolinkType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "insufficient_quota_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 502 -> "upstream_error";
            case 503 -> "service_unavailable_error";
            default -> status >= 500 ? "internal_server_error" : "invalid_request_error";
        };
    }
}
