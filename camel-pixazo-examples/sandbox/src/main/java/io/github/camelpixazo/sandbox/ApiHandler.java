package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes API requests below the base path to the submit and status endpoints and sends their answers,
 * after the injected latency if any. A delayed answer is sent from the scheduler's timer, so waiting
 * occupies no thread.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern SUBMIT_PATH = Pattern.compile("/([^/]+)/v1/[^/]+");

    private final String basePath;
    private final SubmitEndpoint submit;
    private final StatusEndpoint status;
    private final SandboxFaults faults;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService executor;

    ApiHandler(String basePath, SubmitEndpoint submit, StatusEndpoint status, SandboxFaults faults,
               ScheduledExecutorService scheduler, ExecutorService executor) {
        this.basePath = basePath;
        this.submit = submit;
        this.status = status;
        this.faults = faults;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiResponse response;
        try {
            response = route(exchange);
        } catch (ApiException e) {
            response = e.toResponse();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            response = new ApiException(500, "Internal Server Error", "Sandbox failure: " + e).toResponse();
        }
        LOG.debug("API {} {} -> {} ({})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                response.status(), ApiKeyCheck.isPresent(exchange.getRequestHeaders())
                        ? "subscription key present" : "no subscription key");
        Duration delay = faults.responseDelay();
        if (delay.isZero()) {
            send(exchange, response);
        } else {
            sendLater(exchange, response, delay);
        }
    }

    private ApiResponse route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(basePath + "/")) {
            throw notFound();
        }
        String relative = path.substring(basePath.length());
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
        throw notFound();
    }

    private static void requireMethod(String actual, String allowed) {
        if (!allowed.equals(actual)) {
            throw new ApiException(405, "Method Not Allowed", actual + " is not allowed here; use " + allowed,
                    Map.of("Allow", allowed));
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("Resource not found");
    }

    private void sendLater(HttpExchange exchange, ApiResponse response, Duration delay) {
        try {
            scheduler.schedule(() -> executor.execute(() -> send(exchange, response)),
                    delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) {
        try {
            HttpExchanges.sendJson(exchange, response);
        } catch (IOException e) {
            LOG.debug("Client went away before the response: {}", e.toString());
        }
    }
}
