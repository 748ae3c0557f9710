package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.RequestBody;
import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageOption;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageSize;
import io.github.camelpixazo.request.InputKind;
import io.github.camelpixazo.request.ModelSupport;
import io.github.camelpixazo.request.PromptLimit;
import io.github.camelpixazo.request.Sizes;
import io.github.camelpixazo.request.WebhookMode;

import static io.github.camelpixazo.gateway.WireField.Carrier.JSON;
import static io.github.camelpixazo.gateway.WireField.Carrier.PATH;

/**
 * The EvoLink gateway ({@code https://api.evolink.ai}), a task API, as documented in
 * {@code evolink-gpt-image-1.5-api.txt} and completed by {@code gateway-facts.md}: {@code Authorization: Bearer},
 * {@code POST /v1/images/generations} answering a task ({@code id}, {@code status}, {@code progress} 0-100), polled at
 * {@code GET /v1/tasks/{task_id}}; reference images only as {@code image_urls}; {@code callback_url} for a callback
 * in the task query's shape when the task is completed, failed or cancelled; {@code {"error": {code, message, type,
 * param, fallback_suggestion}}} error bodies.
 * <p>
 * What the component supports per model: gpt-image-1.5 as the project's reference file documents it (one image per
 * job, sizes {@code 1:1 2:3 3:2 1024x1024 1024x1536 1536x1024}, quality {@code low medium high}, 1-16 https reference
 * images, a 2000-token prompt). gpt-image-2: gateway-facts.md documents it on the same endpoint with a 32,000-character
 * prompt and 1-16 {@code image_urls}; its other fields are assumed to be those of gpt-image-1.5 (see
 * {@link Assumed}). Neither documents format, background, moderation, output compression or a mask.
 */
public final class EvolinkGateway implements ImageGateway {

    static final String BASE_URL = "https://api.evolink.ai";
    static final String GENERATE = "/v1/images/generations";
    static final String TASKS = "/v1/tasks/";
    static final String SOURCE = "evolink-gpt-image-1.5-api.txt";

    /** "callback_url ... URL length must not exceed 2048 characters". */
    static final int MAX_CALLBACK_URL = 2048;

    /** "Reference image URL list ... Supports 1~16 images per request". */
    static final int MAX_REFERENCE_IMAGES = 16;

    /**
     * EvoLink limits the gpt-image-1.5 prompt to "2000 tokens", which cannot be counted here without its tokenizer.
     * The GPT tokenizers are byte-level BPE: every token covers at least one byte of UTF-8, so a prompt of at most
     * 2,000 UTF-8 bytes can never exceed 2,000 tokens. That bound is conservative (an English prompt of 2,000 bytes is
     * about 500 tokens) but never lets a prompt through that EvoLink would refuse for its length; in characters it is
     * 2,000 for ASCII text and fewer for text whose characters take several bytes.
     */
    static final PromptLimit GPT_IMAGE_1_5_PROMPT = new PromptLimit(2_000, 2_000, "EvoLink accepts 2000 tokens for"
            + " gpt-image-1.5; counted here as at most 2,000 UTF-8 bytes, which can never be more than 2,000 tokens");

    /** "prompt up to 32,000 characters" for gpt-image-2 (gateway-facts.md, EvoLink's gpt-image-2 page). */
    static final PromptLimit GPT_IMAGE_2_PROMPT = new PromptLimit(32_000, "EvoLink documents 32,000 characters for"
            + " gpt-image-2 (gateway-facts.md)");

    /** The shapes gateway-facts.md lists as assumptions for EvoLink, each used from here only. */
    static final class Assumed {

        /** "Task ids not starting with task-unified- get a 400": the form users give {@code pixazo:status}. */
        static final Pattern TASK_ID = Pattern.compile("task-unified-[A-Za-z0-9-]{1,200}");

        /** "A cancelled task reads status: cancelled with error.code = request_cancelled". */
        static final String CANCELLED = "cancelled";
        static final String CANCELLED_CODE = "request_cancelled";

        /**
         * gpt-image-2's request fields beyond prompt and image_urls are not in any source found: assumed to be
         * gpt-image-1.5's (size, quality, n, callback_url) on the same endpoint.
         */
        static final String GPT_IMAGE_2_FIELDS = "assumed for gpt-image-2: the gpt-image-1.5 request fields"
                                                 + " (gateway-facts.md documents only its prompt and image_urls)";

        private Assumed() {
        }
    }

    /** Failure codes (gateway-facts.md, EvoLink's error codes) that name a service fault, not the request. */
    private static final Set<String> SERVICE_CODES = Set.of("service_error", "generation_timeout", "resource_exhausted",
            "service_unavailable", "unknown_error", "generation_failed_no_content");

    private static final ModelSupport GPT_IMAGE_1_5 = common(ModelSupport.builder(ImageModel.GPT_IMAGE_1_5, SOURCE))
            .promptLimit(GPT_IMAGE_1_5_PROMPT)
            .note(ImageOption.PROMPT, "2000 tokens, checked as at most 2,000 UTF-8 bytes (a token is at least one"
                                      + " byte)")
            .build();

    private static final ModelSupport GPT_IMAGE_2 = common(ModelSupport.builder(ImageModel.GPT_IMAGE_2,
            SOURCE + " and gateway-facts.md"))
            .promptLimit(GPT_IMAGE_2_PROMPT)
            .note(ImageOption.N, Assumed.GPT_IMAGE_2_FIELDS)
            .note(ImageOption.SIZE, Assumed.GPT_IMAGE_2_FIELDS)
            .note(ImageOption.QUALITY, Assumed.GPT_IMAGE_2_FIELDS)
            .note(ImageOption.WEBHOOK_URL, Assumed.GPT_IMAGE_2_FIELDS)
            .build();

    private static ModelSupport.Builder common(ModelSupport.Builder builder) {
        List<ImageSize> sizes = new java.util.ArrayList<>(Sizes.EVOLINK_RATIOS);
        sizes.addAll(List.of(new ImageSize(1024, 1024), new ImageSize(1024, 1536), new ImageSize(1536, 1024)));
        return builder.operations(ImageOperation.GENERATE, ImageOperation.EDIT)
                .maxN(1)
                .sizes(sizes)
                .qualities(ImageQuality.LOW, ImageQuality.MEDIUM, ImageQuality.HIGH)
                .inputs(MAX_REFERENCE_IMAGES, InputKind.REMOTE)
                .webhooks(MAX_CALLBACK_URL, true, WebhookMode.TERMINAL)
                .note(ImageOption.IMAGE, "https URLs only (image_urls), 1 to 16; edit sends them with the prompt");
    }

    private static final List<WireField> FIELDS = List.of(
            new WireField(ImageOption.MODEL, PATH, GENERATE),
            new WireField(ImageOption.MODEL, JSON, "model"),
            new WireField(ImageOption.PROMPT, JSON, "prompt"),
            new WireField(ImageOption.SIZE, JSON, "size"),
            new WireField(ImageOption.QUALITY, JSON, "quality"),
            new WireField(ImageOption.IMAGE, JSON, "image_urls"),
            new WireField(ImageOption.N, JSON, "n"),
            new WireField(ImageOption.WEBHOOK_URL, JSON, "callback_url"));

    /** Prefer the shared instance in {@link Gateways}; gateways are stateless. */
    public EvolinkGateway() {
    }

    @Override
    public String id() {
        return "evolink";
    }

    @Override
    public String name() {
        return "EvoLink";
    }

    @Override
    public String defaultBaseUrl() {
        return BASE_URL;
    }

    /** "Authorization: Bearer YOUR_API_KEY" (evolink-gpt-image-1.5-api.txt). */
    @Override
    public Map<String, String> authenticationHeaders(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public ModelSupport support(ImageModel model) {
        return model == ImageModel.GPT_IMAGE_1_5 ? GPT_IMAGE_1_5 : GPT_IMAGE_2;
    }

    @Override
    public List<WireField> wireFields(ImageModel model, ImageOperation operation) {
        return operation == ImageOperation.EDIT ? FIELDS
                : FIELDS.stream().filter(field -> field.option() != ImageOption.IMAGE).toList();
    }

    @Override
    public GatewayCall submitCall(ImageRequest request) {
        ObjectNode body = GatewayJson.MAPPER.createObjectNode();
        for (WireField field : wireFields(request.model(), request.operation())) {
            if (field.carrier() != JSON) {
                continue;
            }
            Object value = field.option().valueIn(request);
            if (value == null) {
                continue;
            }
            if (field.option() == ImageOption.IMAGE) {
                ArrayNode urls = body.putArray(field.name());
                for (ImageInput image : request.images()) {
                    urls.add(image.url()); // the validator lets only URLs through
                }
            } else if (value instanceof ImageModel model) {
                body.put(field.name(), model.value()); // "gpt-image-1.5" (evolink-gpt-image-1.5-api.txt)
            } else if (value instanceof Integer number) {
                body.put(field.name(), number);
            } else {
                body.put(field.name(), value.toString());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        try {
            return new GatewayCall("POST", GENERATE, headers, RequestBody.ofBytes("application/json",
                    GatewayJson.MAPPER.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new PixazoException("Could not write the request JSON", e);
        }
    }

    @Override
    public GatewayCall statusCall(JobRef job) {
        GatewayJson.requireSafeId(job.requestId());
        return new GatewayCall("GET", TASKS + job.requestId(), Map.of("Accept", "application/json"), null);
    }

    @Override
    public void requireDocumentedRequestId(String requestId, Object given) {
        if (requestId == null || requestId.isEmpty()) {
            throw new PixazoValidationException("requestId", given, "a task id is required: set the header"
                    + " CamelPixazoRequestId or send the id (or the SubmittedJob of a submit) as the body.");
        }
        if (!Assumed.TASK_ID.matcher(requestId).matches()) {
            throw new PixazoValidationException("requestId", given, "is not an EvoLink task id, which has the form"
                    + " task-unified-<digits>-<letters> (e.g. task-unified-1757156493-imcg5zqt). Take it from the header"
                    + " CamelPixazoRequestId of a submit with gateway=evolink, and query it on the gateway that took it"
                    + " (option gateway).");
        }
    }

    @Override
    public SubmitOutcome parseSubmitted(SpooledReply reply, ImageRequest request, SpoolTarget spool) {
        JsonNode task = GatewayJson.readObject(reply, name(), "submit", null);
        String requestId = GatewayJson.acceptedId(GatewayJson.text(task, "id"), reply, name(), "task id");
        JobStatus status = status(GatewayJson.text(task, "status"), null);
        String model = GatewayJson.text(task, "model");
        return SubmitOutcome.accepted(new SubmittedJob(requestId, status == JobStatus.UNKNOWN ? JobStatus.QUEUED : status,
                null, model != null ? model : request.model().value(), id(), request.operation()));
    }

    @Override
    public JobSnapshot parseStatus(SpooledReply reply, JobRef job, SpoolTarget spool) {
        return snapshot(GatewayJson.readObject(reply, name(), "task query", job.requestId()), job, reply.status(),
                GatewayJson.snippet(reply));
    }

    /** "Callback response format is consistent with task query API" (evolink-gpt-image-1.5-api.txt). */
    @Override
    public Optional<JobSnapshot> parseCallback(byte[] body) {
        JsonNode json = GatewayJson.readCallback(body, name());
        return Optional.of(snapshot(json, null, 0, GatewayJson.snippet(body)));
    }

    /**
     * A task (gateway-facts.md: {@code created, id, model, object, progress, results, status, task_info, type}; a
     * failed task carries {@code error: {code, message}}).
     */
    private static JobSnapshot snapshot(JsonNode task, JobRef job, int httpStatus, String snippet) {
        String requestId = GatewayJson.text(task, "id");
        String status = GatewayJson.text(task, "status");
        if (requestId == null || status == null) {
            throw new PixazoMalformedResponseException("EvoLink's task answer lacks id or status: " + snippet,
                    httpStatus, job != null ? job.requestId() : requestId, null);
        }
        JsonNode error = task.get("error");
        String code = error != null && error.isObject() ? GatewayJson.text(error, "code") : null;
        JobStatus jobStatus = status(status, code);
        String errorText = PixapiGateway.errorText(error);
        if (isCancelled(status, code)) {
            errorText = "cancelled" + (errorText != null ? " (" + errorText + ")" : " at the gateway");
        }
        String model = GatewayJson.text(task, "model");
        if (model == null && job != null && job.model() != null) {
            model = job.model().value();
        }
        JsonNode created = task.get("created");
        String createdAt = created != null && created.canConvertToLong()
                ? Instant.ofEpochSecond(created.asLong()).toString() : GatewayJson.text(task, "created");
        return new JobSnapshot(requestId, jobStatus, model, errorText,
                jobStatus == JobStatus.COMPLETED ? GatewayJson.strings(task, "results") : List.of(), null, createdAt,
                null, null, GatewayJson.integer(task, "progress"), null);
    }

    /**
     * pending, processing, completed, failed (the task query's enum) and cancelled (the callback's timing names it;
     * its shape is {@link Assumed#CANCELLED}). A cancelled task is terminal: FAILED in the component's vocabulary,
     * its error text starting with "cancelled".
     */
    static JobStatus status(String value, String errorCode) {
        if (value == null) {
            return JobStatus.UNKNOWN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "pending" -> JobStatus.QUEUED;
            case "processing" -> JobStatus.PROCESSING;
            case "completed" -> JobStatus.COMPLETED;
            case "failed", Assumed.CANCELLED, "canceled" -> JobStatus.FAILED;
            default -> JobStatus.UNKNOWN;
        };
    }

    private static boolean isCancelled(String status, String code) {
        String s = status.trim().toLowerCase(Locale.ROOT);
        return s.equals(Assumed.CANCELLED) || s.equals("canceled") || Assumed.CANCELLED_CODE.equals(code);
    }

    @Override
    public PixazoException failure(HttpReply reply, CallPhase phase, String requestId) {
        return GatewayErrors.of(name(), reply, GatewayErrors.readBody(reply), phase, requestId);
    }

    @Override
    public String failureAdvice(JobSnapshot snapshot) {
        String error = snapshot.error() == null ? "" : snapshot.error();
        if (error.startsWith("cancelled")) {
            return "The task was cancelled at EvoLink (through its API or dashboard): send the message again if the"
                   + " image is still wanted.";
        }
        for (String code : SERVICE_CODES) {
            if (error.startsWith(code)) {
                return "EvoLink reports a fault of its service (" + code + "), not of the request: sending the message"
                       + " again may succeed.";
            }
        }
        return "FAILED means the task ended at EvoLink without an image: read the reason above (e.g."
               + " content_policy_violation, invalid_parameters), change the prompt or reference images, then send"
               + " again.";
    }
}
