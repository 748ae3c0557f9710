package io.github.camelpixazo.sandbox;

import java.util.Map;

/** An error the gateway answers with {@code {"error": ..., "message": ...}} and the given HTTP status. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, String> headers;
    private String param;

    ApiException(int status, String error, String message) {
        this(status, error, message, Map.of());
    }

    ApiException(int status, String error, String message, Map<String, String> headers) {
        super(message, null, false, false); // control flow, not a bug: no stack trace needed
        this.status = status;
        this.error = error;
        this.headers = headers;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "Bad Request", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "Not Found", message);
    }

    int status() {
        return status;
    }

    /** The short error word (Pixazo's {@code error}); other protocols map the status to their own types. */
    String error() {
        return error;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The request field at fault (EvoLink's {@code param}), or null. */
    String param() {
        return param;
    }

    ApiException withParam(String field) {
        this.param = field;
        return this;
    }

    ApiResponse toResponse() {
        return new ApiResponse(status, StrictJson.errorBody(error, getMessage()), headers);
    }

    /** The reason phrase the gateway uses as {@code error} for a status the sandbox is told to fail with. */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Insufficient Balance";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
