package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands API requests below the base path to the gateway's {@link Protocol} and sends its answers, after the injected
 * latency (and, for a synchronous endpoint, the job's own time) if any. A delayed answer is sent from the scheduler's
 * timer, so waiting occupies no thread.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final String basePath;
    private final Protocol protocol;
    private final SandboxFaults faults;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService executor;

    ApiHandler(String basePath, Protocol protocol, SandboxFaults faults, ScheduledExecutorService scheduler,
               ExecutorService executor) {
        this.basePath = basePath;
        this.protocol = protocol;
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
            response = protocol.errorResponse(e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            response = protocol.errorResponse(new ApiException(500, "Internal Server Error", "Sandbox failure: " + e));
        }
        LOG.debug("API {} {} -> {} ({})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                response.status(), ApiKeyCheck.isPresent(exchange.getRequestHeaders())
                        ? "key present" : "no key");
        Duration delay = faults.responseDelay().plus(response.delay());
        if (delay.isZero()) {
            send(exchange, response);
        } else {
            sendLater(exchange, response, delay);
        }
    }

    private ApiResponse route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(basePath + "/")) {
            throw ApiException.notFound("Resource not found");
        }
        return protocol.handle(exchange, path.substring(basePath.length()));
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
