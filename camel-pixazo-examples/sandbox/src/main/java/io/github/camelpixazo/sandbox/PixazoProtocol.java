package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pixazo (pixazo-gpt-image-api.txt): {@code POST /<model_id>/v1/<operation>} and
 * {@code GET /v2/requests/status/{request_id}}, {@code {"error", "message"}} bodies, callbacks in the status shape.
 */
final class PixazoProtocol implements Protocol {

    private static final Pattern SUBMIT_PATH = Pattern.compile("/([^/]+)/v1/[^/]+");

    private final SubmitEndpoint submit;
    private final StatusEndpoint status;

    PixazoProtocol(SubmitEndpoint submit, StatusEndpoint status) {
        this.submit = submit;
        this.status = status;
    }

    @Override
    public ApiResponse handle(HttpExchange exchange, String relative) throws IOException {
        String method = exchange.getRequestMethod();
        if (relative.startsWith(StatusEndpoint.PATH_PREFIX) && relative.length() > StatusEndpoint.PATH_PREFIX.length()
                && relative.indexOf('/', StatusEndpoint.PATH_PREFIX.length()) < 0) {
            requireMethod(method, "GET");
            return status.handle(exchange, relative.substring(StatusEndpoint.PATH_PREFIX.length()));
        }
        Optional<SubmitOperation> operation = SubmitOperation.forPath(relative);
        if (operation.isPresent()) {
            requireMethod(method, "POST");
            return submit.handle(exchange, operation.get(), operation.get().model().id());
        }
        Matcher unknown = SUBMIT_PATH.matcher(relative);
        if (unknown.matches() && "POST".equals(method) && Model.byId(unknown.group(1)).isEmpty()) {
            return submit.handle(exchange, null, unknown.group(1));
        }
        throw ApiException.notFound("Resource not found");
    }

    static void requireMethod(String actual, String allowed) {
        if (!allowed.equals(actual)) {
            throw new ApiException(405, "Method Not Allowed", actual + " is not allowed here; use " + allowed,
                    Map.of("Allow", allowed));
        }
    }

    @Override
    public ApiResponse errorResponse(ApiException error) {
        return error.toResponse();
    }

    @Override
    public String callbackPayload(Job job, long nanoTime, String mediaBaseUrl) {
        return StrictJson.write(StatusDocument.forCallback(job, nanoTime, mediaBaseUrl));
    }
}
