package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelpixazo.sandbox.image.EditPreview;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * EvoLink (evolink-gpt-image-1.5-api.txt; gateway-facts.md for the task and error shapes): {@code POST
 * /v1/images/generations} answering a task, {@code GET /v1/tasks/{task_id}}, reference images as {@code image_urls},
 * {@code callback_url} called once when the task is completed, failed or cancelled (with the task query's shape),
 * Bearer keys, {@code {"error": {code, message, type, param}}}. The shapes gateway-facts.md marks as assumptions are
 * served as assumed: task ids start with {@code task-unified-}, a cancelled task reads {@code status: "cancelled"}
 * with {@code error.code: "request_cancelled"}, unknown fields get a 400 naming them in {@code param}.
 */
final class EvolinkProtocol implements Protocol {

    static final String GENERATE = "/v1/images/generations";
    static final String TASKS = "/v1/tasks/";

    private static final List<String> FIELDS = List.of("model", "prompt", "size", "quality", "n", "image_urls",
            "callback_url");
    private static final Map<String, int[]> SIZES = Map.of("1:1", new int[] { 1024, 1024 }, "2:3",
            new int[] { 1024, 1536 }, "3:2", new int[] { 1536, 1024 }, "1024x1024", new int[] { 1024, 1024 },
            "1024x1536", new int[] { 1024, 1536 }, "1536x1024", new int[] { 1536, 1024 });
    private static final List<String> SIZE_ORDER = List.of("1:1", "2:3", "3:2", "1024x1024", "1024x1536", "1536x1024");
    private static final Pattern PRIVATE_IPV4 = Pattern.compile(
            "(10|127)(\\.\\d{1,3}){3}|(192\\.168|172\\.(1[6-9]|2\\d|3[01])|169\\.254)(\\.\\d{1,3}){2}|0\\.0\\.0\\.0");
    private static final int MAX_CALLBACK = 2048;
    private static final int GPT_IMAGE_2_PROMPT = 32_000;
    /**
     * gpt-image-1.5's prompt is "limited to 2000 tokens"; without a tokenizer the sandbox estimates tokens as UTF-8
     * bytes / 4, the usual ratio for English, and refuses above 2000 such tokens.
     */
    private static final int GPT_IMAGE_1_5_TOKENS = 2000;

    private final SandboxSettings settings;
    private final ApiKeyCheck keyCheck;
    private final SandboxFaults faults;
    private final SandboxRecords records;
    private final JobStore jobs;
    private final JobIntake intake;
    private final Supplier<String> mediaBaseUrl;

    EvolinkProtocol(SandboxSettings settings, ApiKeyCheck keyCheck, SandboxFaults faults, SandboxRecords records,
                    JobStore jobs, JobIntake intake, Supplier<String> mediaBaseUrl) {
        this.settings = settings;
        this.keyCheck = keyCheck;
        this.faults = faults;
        this.records = records;
        this.jobs = jobs;
        this.intake = intake;
        this.mediaBaseUrl = mediaBaseUrl;
    }

    @Override
    public ApiResponse handle(HttpExchange exchange, String relative) throws IOException {
        String method = exchange.getRequestMethod();
        if (relative.startsWith(TASKS) && relative.length() > TASKS.length()
                && relative.indexOf('/', TASKS.length()) < 0) {
            PixazoProtocol.requireMethod(method, "GET");
            return task(exchange, relative.substring(TASKS.length()));
        }
        if (relative.equals(GENERATE)) {
            PixazoProtocol.requireMethod(method, "POST");
            return submit(exchange);
        }
        throw new ApiException(404, "Not Found", "Unknown path " + relative);
    }

    private ApiResponse submit(HttpExchange exchange) throws IOException {
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
            json = StrictJson.parseObject(body);
            RequestFields fields = fields(json);
            String modelName = required(fields, "model");
            Model model = Model.byPublicName(modelName).orElseThrow(() -> ApiException.badRequest(
                    "Unsupported model '" + modelName + "': use gpt-image-1.5 or gpt-image-2").withParam("model"));
            String prompt = required(fields, "prompt");
            checkPrompt(model, prompt);
            String size = fields.optionalString("size").orElse("1024x1024");
            if (!SIZES.containsKey(size)) {
                throw ApiException.badRequest("Invalid size '" + size + "'; allowed: " + String.join(", ", SIZE_ORDER))
                        .withParam("size");
            }
            fields.oneOf("quality", List.of("low", "medium", "high"), "high");
            int n = fields.optionalInt("n", 1, 1).orElse(1);
            List<String> urls = imageUrls(fields.raw("image_urls"));
            WebhookTarget callback = callback(fields.optionalString("callback_url").orElse(null));
            EditPreview preview = urls.isEmpty() ? null
                    : new EditPreview(null, "input is an https URL (the sandbox does not fetch it)", null,
                            "no mask: the whole image may change");
            int[] pixels = SIZES.get(size);
            GenerationRequest request = new GenerationRequest(prompt, n, pixels[0], pixels[1], ImageFormat.PNG, null,
                    false, preview);
            Job job = intake.accept(RequestIds.evolinkTask(), model, request, callback, false);
            requestId = job.requestId();
            ObjectNode task = taskNode(job, System.nanoTime());
            ObjectNode usage = task.putObject("usage");
            usage.put("billing_rule", "per_call");
            usage.put("credits_reserved", 2.5);
            usage.put("user_group", "default");
            response = ApiResponse.json(200, StrictJson.write(task));
        } catch (ApiException e) {
            response = errorResponse(e.param() != null ? e : withFieldParam(e));
        }
        JsonNode recorded = json != null ? json : body == null ? null : StrictJson.parseLeniently(body);
        records.addSubmission(new RecordedSubmission(exchange.getRequestURI().getPath(), headers, recorded,
                response.status(), requestId, Instant.now()));
        return response;
    }

    private static final Pattern FIELD = Pattern.compile(".*[Ff]ield '([^']+)'.*", Pattern.DOTALL);

    /** "param" names the field a shared rule (RequestFields) refused, as EvoLink's error body does. */
    private static ApiException withFieldParam(ApiException e) {
        java.util.regex.Matcher m = FIELD.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.matches() ? e.withParam(m.group(1)) : e;
    }

    private static RequestFields fields(ObjectNode json) {
        try {
            return RequestFields.of(json, "EvoLink", FIELDS);
        } catch (ApiException unknown) {
            String field = unknown.getMessage().replaceAll(".*Unknown field '([^']*)'.*", "$1");
            throw unknown.withParam(field);
        }
    }

    private static String required(RequestFields fields, String name) {
        try {
            return fields.requiredNonBlankString(name);
        } catch (ApiException e) {
            throw e.withParam(name);
        }
    }

    private static void checkPrompt(Model model, String prompt) {
        if (model == Model.GPT_IMAGE_2) {
            if (prompt.codePointCount(0, prompt.length()) > GPT_IMAGE_2_PROMPT) {
                throw ApiException.badRequest("The prompt is longer than 32000 characters").withParam("prompt");
            }
            return;
        }
        int estimatedTokens = (prompt.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
        if (estimatedTokens > GPT_IMAGE_1_5_TOKENS) {
            throw ApiException.badRequest("The prompt is longer than 2000 tokens").withParam("prompt");
        }
    }

    /** "Reference image URL list ... Supports 1~16 images"; the sandbox has no internet and fetches none. */
    private static List<String> imageUrls(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > 16) {
            throw ApiException.badRequest("image_urls must be an array of 1 to 16 URLs").withParam("image_urls");
        }
        List<String> urls = new java.util.ArrayList<>();
        for (JsonNode url : node) {
            if (!url.isTextual() || !url.textValue().startsWith("https://")) {
                throw ApiException.badRequest("Each image URL must be an https URL, got " + url).withParam("image_urls");
            }
            urls.add(url.textValue());
        }
        return urls;
    }

    /** "HTTPS protocol only; internal IP addresses are prohibited; URL length must not exceed 2048 characters". */
    private WebhookTarget callback(String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_CALLBACK) {
            throw ApiException.badRequest("callback_url is longer than 2048 characters").withParam("callback_url");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("callback_url is not a URL: " + e.getMessage()).withParam("callback_url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = WebhookHeaders.isLoopback(host);
        boolean allowed = scheme.equals("https") && !loopback && !PRIVATE_IPV4.matcher(host).matches()
                          && !host.endsWith(".local") && !host.isEmpty()
                          || settings.allowHttpLoopbackWebhooks() && loopback
                             && (scheme.equals("http") || scheme.equals("https"));
        if (!allowed) {
            throw ApiException.badRequest("callback_url must be an https URL on a public host, got '" + url + "'"
                    + (settings.allowHttpLoopbackWebhooks() ? "; the sandbox also accepts loopback hosts" : ""))
                    .withParam("callback_url");
        }
        return new WebhookTarget(uri, WebhookTarget.Mode.TERMINAL);
    }

    private ApiResponse task(HttpExchange exchange, String id) {
        records.countStatusQuery(id);
        keyCheck.check(exchange.getRequestHeaders());
        faults.checkAccess();
        boolean malformed = faults.checkStatusQuery();
        if (!id.startsWith("task-unified-")) {
            throw ApiException.badRequest("Invalid task ID format, must start with task-unified-").withParam("task_id");
        }
        Job job = jobs.get(id);
        if (job == null) {
            throw new ApiException(404, "Not Found", "Task not found or expired").withParam("task_id");
        }
        String body = StrictJson.write(taskNode(job, System.nanoTime()));
        if (malformed) {
            body = body.substring(0, body.length() / 2);
        }
        return ApiResponse.json(200, body);
    }

    /** The task query's shape (gateway-facts.md). */
    private ObjectNode taskNode(Job job, long now) {
        JobStatus status = job.statusAt(now);
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        node.put("created", job.createdAt().getEpochSecond());
        node.put("id", job.requestId());
        node.put("model", job.model().publicName());
        node.put("object", "image.generation.task");
        node.put("progress", job.progressAt(now));
        if (status == JobStatus.COMPLETED) {
            ArrayNode results = node.putArray("results");
            for (int i = 1; i <= job.request().imageCount(); i++) {
                results.add(mediaBaseUrl.get() + MediaPaths.path(job.requestId(), i, job.request().format()));
            }
        }
        node.put("status", switch (status) {
            case QUEUED -> "pending";
            case PROCESSING -> "processing";
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            default -> "failed";
        });
        ObjectNode info = node.putObject("task_info");
        info.put("can_cancel", !status.isTerminal());
        if (!status.isTerminal()) {
            info.put("estimated_time", Math.max(1, (job.terminalNanoTime() - now) / 1_000_000_000L));
        }
        node.put("type", "image");
        if (status == JobStatus.FAILED || status == JobStatus.ERROR || status == JobStatus.CANCELLED) {
            ObjectNode error = node.putObject("error");
            error.put("code", status == JobStatus.CANCELLED ? "request_cancelled"
                    : status == JobStatus.FAILED ? "content_policy_violation" : "service_error");
            error.put("message", job.ending().errorText());
        }
        return node;
    }

    @Override
    public ApiResponse errorResponse(ApiException error) {
        return GatewayErrorBodies.evolink(error, error.param());
    }

    /** "Callback response format is consistent with task query API". */
    @Override
    public String callbackPayload(Job job, long nanoTime, String mediaBaseUrl) {
        return StrictJson.write(taskNode(job, nanoTime));
    }
}
