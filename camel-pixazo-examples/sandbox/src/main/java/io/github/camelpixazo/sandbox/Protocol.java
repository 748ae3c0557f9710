package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One gateway's API as the sandbox serves it: routing, answers, error bodies and callbacks. */
interface Protocol {

    /**
     * Answers an API request whose path (below the base path) is {@code relativePath}.
     *
     * @throws ApiException for an error answer, rendered by {@link #errorResponse}
     */
    ApiResponse handle(HttpExchange exchange, String relativePath) throws IOException;

    /** An error in this gateway's documented error shape, with the exception's status and headers. */
    ApiResponse errorResponse(ApiException error);

    /** The body of a callback for a job, in this gateway's shape. */
    String callbackPayload(Job job, long nanoTime, String mediaBaseUrl);
}
