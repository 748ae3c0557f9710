package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelpixazo.sandbox.image.EditPreview;
import io.github.camelpixazo.sandbox.image.ImageEncoder;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import io.github.camelpixazo.sandbox.image.ImageSniffer;
import io.github.camelpixazo.sandbox.image.ImageSniffer.PixelSize;
import io.github.camelpixazo.sandbox.image.RasterImage;
import io.github.camelpixazo.sandbox.image.Thumbnails;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pixapi (pixapi-gpt-image-api.txt; gateway-facts.md for what it leaves out): the synchronous
 * {@code POST /v1/images/generations|edits}, which answer with the images when the job is done (the answer is sent from
 * the scheduler, holding no thread), the asynchronous {@code POST /v1/async/images/generations|edits} answering a task,
 * and {@code GET /v1/tasks/{id}}. Generations are JSON, edits multipart/form-data with {@code image} (or
 * {@code image[]}) file parts and a PNG {@code mask}. Results as {@code url} or {@code b64_json}. Bearer keys; the
 * errors page's error shape (a 503 in the error-handling guide's). No callbacks. The shapes gateway-facts.md marks as
 * assumptions are served as assumed.
 */
final class PixapiProtocol implements Protocol {

    static final String SYNC_GENERATE = "/v1/images/generations";
    static final String SYNC_EDIT = "/v1/images/edits";
    static final String ASYNC_GENERATE = "/v1/async/images/generations";
    static final String ASYNC_EDIT = "/v1/async/images/edits";
    static final String TASKS = "/v1/tasks/";

    private static final List<String> GENERATION_FIELDS = List.of("model", "prompt", "n", "size", "quality",
            "response_format", "background", "output_format", "output_compression", "moderation", "user");
    private static final List<String> EDIT_FIELDS = List.of("model", "prompt", "image", "image[]", "mask", "n", "size",
            "quality", "response_format", "background", "output_format", "output_compression", "moderation", "user",
            "input_fidelity");
    private static final List<String> GPT_IMAGE_1_5_SIZES = List.of("1024x1024", "1536x1024", "1024x1536", "auto");
    private static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/webp");
    private static final int MAX_PROMPT = 32_000;
    private static final int MAX_IMAGES = 16;
    /** What a synchronous job that never ends answers after: the client's deadline comes first. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final ApiKeyCheck keyCheck;
    private final SandboxFaults faults;
    private final SandboxRecords records;
    private final JobStore jobs;
    private final JobIntake intake;
    private final RenderedMediaCache media;
    private final Supplier<String> mediaBaseUrl;

    PixapiProtocol(ApiKeyCheck keyCheck, SandboxFaults faults, SandboxRecords records, JobStore jobs, JobIntake intake,
                   RenderedMediaCache media, Supplier<String> mediaBaseUrl) {
        this.keyCheck = keyCheck;
        this.faults = faults;
        this.records = records;
        this.jobs = jobs;
        this.intake = intake;
        this.media = media;
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
        boolean edit = relative.equals(SYNC_EDIT) || relative.equals(ASYNC_EDIT);
        boolean sync = relative.equals(SYNC_GENERATE) || relative.equals(SYNC_EDIT);
        if (edit || sync || relative.equals(ASYNC_GENERATE)) {
            PixazoProtocol.requireMethod(method, "POST");
            return submit(exchange, relative, edit, sync);
        }
        throw ApiException.notFound("Unknown path " + relative);
    }

    private ApiResponse submit(HttpExchange exchange, String path, boolean edit, boolean sync) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        byte[] body = null;
        JsonNode recorded = null;
        ApiResponse response;
        String requestId = null;
        try {
            body = HttpExchanges.readBody(exchange, StrictJson.MAX_BODY_BYTES);
            keyCheck.check(headers);
            faults.checkAccess();
            faults.checkSubmit();
            Fields fields;
            if (edit) {
                if (!MultipartRequest.isMultipart(headers.getFirst("Content-Type"))) {
                    throw ApiException.badRequest("Edits must be multipart/form-data (fields and image files)");
                }
                MultipartRequest form = MultipartRequest.parse(headers.getFirst("Content-Type"), body);
                recorded = form.summary();
                fields = Fields.of(form);
            } else {
                ObjectNode json = StrictJson.parseObject(body);
                recorded = json;
                fields = Fields.of(json);
            }
            Accepted accepted = validate(fields, edit);
            String id = sync ? null : RequestIds.pixapiTask();
            Job job = intake.accept(sync ? "sync_" + RequestIds.pixapiTask().substring(5) : id, accepted.model(),
                    accepted.request(), null, accepted.inline());
            requestId = job.requestId();
            response = sync ? finished(job) : ApiResponse.json(200, StrictJson.write(taskNode(job, System.nanoTime())));
        } catch (ApiException e) {
            response = errorResponse(e);
        }
        if (recorded == null && body != null) {
            recorded = StrictJson.parseLeniently(body);
        }
        records.addSubmission(new RecordedSubmission(exchange.getRequestURI().getPath(), headers, recorded,
                response.status(), requestId, Instant.now()));
        return response;
    }

    /** The synchronous answer, sent when the job ends. */
    private ApiResponse finished(Job job) {
        Duration wait = Duration.ofNanos(Math.max(0, job.terminalNanoTime() - System.nanoTime()));
        JobStatus end = job.ending().terminalStatus();
        if (!job.endsEventually()) {
            return errorResponse(new ApiException(504, "Gateway Timeout", "The job did not finish")).after(NEVER);
        }
        if (end == JobStatus.FAILED) {
            return errorResponse(new ApiException(422, "prompt_rejected", job.ending().errorText())).after(wait);
        }
        if (end != JobStatus.COMPLETED) {
            return errorResponse(new ApiException(500, "internal_error", job.ending().errorText())).after(wait);
        }
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        node.put("created", job.createdAt().getEpochSecond());
        node.set("data", data(job));
        return ApiResponse.json(200, StrictJson.write(node)).after(wait);
    }

    private ArrayNode data(Job job) {
        ArrayNode data = StrictJson.MAPPER.createArrayNode();
        GenerationRequest request = job.request();
        for (int i = 1; i <= request.imageCount(); i++) {
            ObjectNode item = data.addObject();
            if (job.inlineResults()) {
                int index = i;
                byte[] image = media.get(job.requestId() + "/" + index,
                        () -> ImageEncoder.render(MediaHandler.pictureSpec(job, index)));
                item.put("b64_json", Base64.getEncoder().encodeToString(image));
            } else {
                item.put("url", mediaBaseUrl.get() + MediaPaths.path(job.requestId(), i, request.format()));
            }
        }
        return data;
    }

    private ApiResponse task(HttpExchange exchange, String id) {
        records.countStatusQuery(id);
        keyCheck.check(exchange.getRequestHeaders());
        faults.checkAccess();
        boolean malformed = faults.checkStatusQuery();
        Job job = jobs.get(id);
        if (job == null || job.requestId().startsWith("sync_")) {
            throw new ApiException(404, "Not Found", "Task '" + id + "' not found");
        }
        String body = StrictJson.write(taskNode(job, System.nanoTime()));
        if (malformed) {
            body = body.substring(0, body.length() / 2);
        }
        return ApiResponse.json(200, body);
    }

    /** gateway-facts.md's assumed task: {id, status, model, created}, data (and results) when completed, error when failed. */
    private ObjectNode taskNode(Job job, long now) {
        JobStatus status = job.statusAt(now);
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        node.put("id", job.requestId());
        node.put("status", switch (status) {
            case QUEUED -> "pending";
            case PROCESSING -> "processing";
            case COMPLETED -> "completed";
            default -> "failed";
        });
        node.put("model", job.model().publicName());
        node.put("created", job.createdAt().getEpochSecond());
        if (status == JobStatus.COMPLETED) {
            ArrayNode data = data(job);
            node.set("data", data);
            if (!job.inlineResults()) {
                ArrayNode results = node.putArray("results");
                data.forEach(item -> results.add(item.path("url").asText()));
            }
        } else if (status.isTerminal()) {
            ObjectNode error = node.putObject("error");
            error.put("code", status == JobStatus.FAILED ? "prompt_rejected" : status == JobStatus.CANCELLED
                    ? "cancelled" : "internal_error");
            error.put("message", job.ending().errorText());
        }
        return node;
    }

    /** What a validated submit becomes. */
    private record Accepted(Model model, GenerationRequest request, boolean inline) {
    }

    /** The fields of a submit, typed the same way from JSON and from multipart text fields. */
    private static final class Fields {
        private final Map<String, Object> values = new java.util.LinkedHashMap<>();
        private final List<MultipartRequest.Part> images = new ArrayList<>();
        private MultipartRequest.Part mask;
        private boolean form;

        static Fields of(ObjectNode json) {
            Fields fields = new Fields();
            json.fields().forEachRemaining(entry -> {
                if (!GENERATION_FIELDS.contains(entry.getKey())) {
                    throw ApiException.badRequest("Unknown field '" + entry.getKey() + "'; allowed: "
                            + String.join(", ", GENERATION_FIELDS));
                }
                fields.values.put(entry.getKey(), entry.getValue());
            });
            return fields;
        }

        static Fields of(MultipartRequest form) {
            Fields fields = new Fields();
            fields.form = true;
            for (MultipartRequest.Part part : form.parts()) {
                if (!EDIT_FIELDS.contains(part.name())) {
                    throw ApiException.badRequest("Unknown field '" + part.name() + "'; allowed: "
                            + String.join(", ", EDIT_FIELDS));
                }
                if (part.name().equals("image") || part.name().equals("image[]")) {
                    if (!part.isFile()) {
                        throw ApiException.badRequest("Field 'image' must be a file");
                    }
                    fields.images.add(part);
                } else if (part.name().equals("mask")) {
                    if (!part.isFile()) {
                        throw ApiException.badRequest("Field 'mask' must be a file");
                    }
                    fields.mask = part;
                } else if (fields.values.put(part.name(), part.text()) != null) {
                    throw ApiException.badRequest("Field '" + part.name() + "' is given twice");
                }
            }
            return fields;
        }

        Optional<String> text(String name) {
            Object value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof JsonNode node) {
                if (!node.isTextual()) {
                    throw ApiException.badRequest("Field '" + name + "' must be a string, got " + StrictJson.typeName(node));
                }
                return Optional.of(node.textValue());
            }
            return Optional.of((String) value);
        }

        Optional<Integer> integer(String name, int min, int max) {
            Object value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            int number;
            if (value instanceof JsonNode node) {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw ApiException.badRequest("Field '" + name + "' must be an integer, got "
                            + StrictJson.typeName(node));
                }
                number = node.intValue();
            } else {
                try {
                    number = Integer.parseInt(((String) value).trim());
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("Field '" + name + "' must be an integer, got '" + value + "'");
                }
            }
            if (number < min || number > max) {
                throw ApiException.badRequest("Invalid value " + number + " for field '" + name + "'; allowed: " + min
                        + " to " + max);
            }
            return Optional.of(number);
        }

        String oneOf(String name, List<String> allowed, String fallback) {
            Optional<String> value = text(name);
            if (value.isPresent() && !allowed.contains(value.get())) {
                throw ApiException.badRequest("Invalid value '" + value.get() + "' for field '" + name + "'; allowed: "
                        + String.join(", ", allowed));
            }
            return value.orElse(fallback);
        }
    }

    private static Accepted validate(Fields fields, boolean edit) {
        String modelName = fields.text("model").orElseThrow(() -> ApiException.badRequest("Field 'model' is required"));
        Model model = Model.byPublicName(modelName).orElseThrow(() -> new ApiException(404, "model_not_found",
                "Unknown model '" + modelName + "': use gpt-image-1.5 or gpt-image-2"));
        String prompt = fields.text("prompt").orElseThrow(() -> ApiException.badRequest("Field 'prompt' is required"));
        if (prompt.isBlank()) {
            throw ApiException.badRequest("Field 'prompt' must not be blank");
        }
        if (prompt.codePointCount(0, prompt.length()) > MAX_PROMPT) {
            throw ApiException.badRequest("Field 'prompt' is longer than " + MAX_PROMPT + " characters");
        }
        int n = fields.integer("n", 1, 10).orElse(1);
        String sizeValue = fields.text("size").orElse("auto");
        PixelSize size;
        if (model == Model.GPT_IMAGE_1_5) {
            if (!GPT_IMAGE_1_5_SIZES.contains(sizeValue)) {
                throw ApiException.badRequest("Invalid value '" + sizeValue + "' for field 'size'; allowed for"
                        + " gpt-image-1.5: " + String.join(", ", GPT_IMAGE_1_5_SIZES));
            }
            size = "auto".equals(sizeValue) ? new PixelSize(1024, 1024) : GptImage2RequestValidator.size(sizeValue);
        } else {
            size = GptImage2RequestValidator.size(sizeValue);
        }
        fields.oneOf("quality", List.of("low", "medium", "high", "auto"), "auto");
        boolean inline = "b64_json".equals(fields.oneOf("response_format", List.of("url", "b64_json"), "url"));
        ImageFormat format = ImageFormat.fromWireName(fields.oneOf("output_format", List.of("png", "jpeg", "webp"),
                "png")).orElseThrow();
        Integer compression = fields.integer("output_compression", 0, 100).orElse(null);
        List<String> backgrounds = model == Model.GPT_IMAGE_1_5 ? List.of("transparent", "opaque", "auto")
                : List.of("opaque", "auto");
        boolean transparent = "transparent".equals(fields.oneOf("background", backgrounds, "auto"));
        if (transparent && format == ImageFormat.JPEG) {
            throw ApiException.badRequest("A transparent background needs output_format png or webp");
        }
        fields.oneOf("moderation", List.of("auto", "low"), "auto");
        EditPreview preview = edit ? editPreview(fields) : null;
        return new Accepted(model, new GenerationRequest(prompt, n, size.width(), size.height(), format, compression,
                transparent, preview), inline);
    }

    /** gateway-facts.md (assumed, as OpenAI does): image parts png, jpeg or webp; a png mask of the first's size. */
    private static EditPreview editPreview(Fields fields) {
        if (fields.images.isEmpty()) {
            throw ApiException.badRequest("Field 'image' is required for edits (one file part per image)");
        }
        if (fields.images.size() > MAX_IMAGES) {
            throw ApiException.badRequest("At most " + MAX_IMAGES + " images per edit, got " + fields.images.size());
        }
        PixelSize first = null;
        RasterImage input = null;
        for (MultipartRequest.Part image : fields.images) {
            if (image.contentType() == null || !IMAGE_TYPES.contains(image.contentType())) {
                throw ApiException.badRequest("Image part '" + image.fileName() + "' has content type "
                        + image.contentType() + "; allowed: " + String.join(", ", IMAGE_TYPES));
            }
            if (image.body().length > InputImage.MAX_BYTES) {
                throw ApiException.badRequest("Image part '" + image.fileName() + "' is larger than 50 MB");
            }
            if (ImageSniffer.format(image.body()).isEmpty()) {
                throw ApiException.badRequest("Image part '" + image.fileName() + "' is not a PNG, JPEG or WEBP image");
            }
            PixelSize size = ImageSniffer.dimensions(image.body()).orElseThrow(() -> ApiException.badRequest(
                    "Image part '" + image.fileName() + "' is not a readable image"));
            if (first == null) {
                first = size;
                input = Thumbnails.decode(image.body(), EditPreview.PREVIEW_EDGE).orElse(null);
            }
        }
        MultipartRequest.Part mask = fields.mask;
        if (mask == null) {
            return new EditPreview(input, input == null ? "input cannot be decoded" : null, null,
                    "no mask: the whole image may change");
        }
        if (!"image/png".equals(mask.contentType()) || ImageSniffer.format(mask.body()).orElse(null) != ImageFormat.PNG) {
            throw ApiException.badRequest("Field 'mask' must be a PNG file (image/png)");
        }
        PixelSize maskSize = ImageSniffer.dimensions(mask.body()).orElseThrow(() -> ApiException.badRequest(
                "Field 'mask' is not a readable PNG"));
        if (!maskSize.equals(first)) {
            throw ApiException.badRequest("Field 'mask' is " + maskSize + " but the first image is " + first
                    + "; the mask must have the same dimensions");
        }
        RasterImage maskPreview = Thumbnails.decode(mask.body(), EditPreview.PREVIEW_EDGE).orElse(null);
        return new EditPreview(input, input == null ? "input cannot be decoded" : null, maskPreview,
                maskPreview == null ? "mask cannot be decoded" : null);
    }

    @Override
    public ApiResponse errorResponse(ApiException error) {
        return GatewayErrorBodies.pixapi(error);
    }

    /** Pixapi documents no callbacks; no job of this protocol has a webhook. */
    @Override
    public String callbackPayload(Job job, long nanoTime, String mediaBaseUrl) {
        throw new IllegalStateException("Pixapi has no callbacks");
    }
}
