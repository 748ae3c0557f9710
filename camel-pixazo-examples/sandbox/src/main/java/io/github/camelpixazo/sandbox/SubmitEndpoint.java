package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code POST /<model_id>/v1/<operation>}: checks a submit like the gateway (key, injected faults, JSON,
 * parameters, webhook headers), then queues a job and answers 202. Every attempt is recorded.
 */
final class SubmitEndpoint {

    private final SandboxSettings settings;
    private final ApiKeyCheck keyCheck;
    private final WebhookHeaders webhookHeaders;
    private final SandboxFaults faults;
    private final SandboxRecords records;
    private final JobStore jobs;
    private final WebhookDispatcher webhooks;
    private final Supplier<String> baseUrl;

    SubmitEndpoint(SandboxSettings settings, ApiKeyCheck keyCheck, SandboxFaults faults, SandboxRecords records,
                   JobStore jobs, WebhookDispatcher webhooks, Supplier<String> baseUrl) {
        this.settings = settings;
        this.keyCheck = keyCheck;
        this.webhookHeaders = new WebhookHeaders(settings.allowHttpLoopbackWebhooks());
        this.faults = faults;
        this.records = records;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    /**
     * @param operation null when the path names a model the gateway does not have
     * @param modelId   the model named by the path
     */
    ApiResponse handle(HttpExchange exchange, SubmitOperation operation, String modelId) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        byte[] body = null;
        ObjectNode json = null;
        ApiResponse response;
        String requestId = null;
        try {
            body = HttpExchanges.readBody(exchange, StrictJson.MAX_BODY_BYTES);
            keyCheck.check(headers);
            faults.checkAccess();
            faults.checkSubmit();
            if (operation == null) {
                throw new ApiException(400, "Model not found", "Model '" + modelId + "' not found or is disabled");
            }
            requireJsonContentType(headers);
            json = StrictJson.parseObject(body);
            GenerationRequest request = operation.validate(json);
            WebhookTarget webhook = webhookHeaders.parse(headers);
            Job job = accept(operation.model(), request, webhook);
            requestId = job.requestId();
            response = ApiResponse.json(202, acceptedBody(requestId));
        } catch (ApiException e) {
            response = e.toResponse();
        }
        // parse again only if the strict parse did not happen (a fault answered first) or failed
        JsonNode recordedBody = json != null ? json : body == null ? null : StrictJson.parseLeniently(body);
        records.addSubmission(new RecordedSubmission(exchange.getRequestURI().getPath(), headers, recordedBody,
                response.status(), requestId, Instant.now()));
        return response;
    }

    private Job accept(Model model, GenerationRequest request, WebhookTarget webhook) {
        JobEnding ending = faults.takeQueuedEnding();
        if (ending == null) {
            ending = PromptMarkers.ending(request.prompt());
        }
        Duration processing = settings.processingTime();
        if (PromptMarkers.isSlow(request.prompt())) {
            processing = processing.multipliedBy(PromptMarkers.SLOW_FACTOR);
        }
        Job job = new Job(RequestIds.next(model), model, request, ending, webhook, processing, Instant.now(),
                System.nanoTime());
        jobs.add(job);
        webhooks.register(job);
        return job;
    }

    private String acceptedBody(String requestId) {
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        node.put("request_id", requestId);
        node.put("status", JobStatus.QUEUED.name());
        node.put("polling_url", baseUrl.get() + StatusEndpoint.PATH_PREFIX + requestId);
        return StrictJson.write(node);
    }

    /** The gateway documents JSON bodies only; a client sending anything else has a wire bug. */
    private static void requireJsonContentType(Headers headers) {
        String contentType = headers.getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiException(415, "Unsupported Media Type", "Content-Type must be application/json, got "
                    + (contentType == null ? "none" : "'" + contentType + "'"));
        }
    }
}
