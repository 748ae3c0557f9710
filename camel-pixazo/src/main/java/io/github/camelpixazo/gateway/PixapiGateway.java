package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoLocalIoException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.MultipartBody;
import io.github.camelpixazo.http.RequestBody;
import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.media.LocalIoException;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.request.ImageBackground;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageOption;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.InputKind;
import io.github.camelpixazo.request.ModelSupport;
import io.github.camelpixazo.request.Moderation;
import io.github.camelpixazo.request.OutputFormat;
import io.github.camelpixazo.request.PromptLimit;
import io.github.camelpixazo.request.ResultDelivery;
import io.github.camelpixazo.request.Sizes;

import static io.github.camelpixazo.gateway.WireField.Carrier.FORM_FIELD;
import static io.github.camelpixazo.gateway.WireField.Carrier.FORM_FILE;
import static io.github.camelpixazo.gateway.WireField.Carrier.JSON;
import static io.github.camelpixazo.gateway.WireField.Carrier.PATH;

/**
 * The Pixapi gateway ({@code https://api.pixapi.ai}), OpenAI-compatible, as documented in
 * {@code pixapi-gpt-image-api.txt} and completed by {@code gateway-facts.md}: {@code Authorization: Bearer}, JSON
 * generations and multipart/form-data edits, each either synchronous ({@code /v1/images/...}: the answer is the
 * images) or asynchronous ({@code /v1/async/images/...}: the answer is a task, polled at {@code GET /v1/tasks/{id}}
 * until {@code completed} or {@code failed}); results as URLs or base64 ({@code response_format}); OpenAI-style error
 * bodies in either of Pixapi's two documented shapes. No callbacks are documented.
 * <p>
 * Where the published documents are silent, the shapes are those gateway-facts.md lists as assumptions; each is
 * coded in one place, in {@link Assumed}.
 */
public final class PixapiGateway implements ImageGateway {

    static final String BASE_URL = "https://api.pixapi.ai";
    static final String SYNC_GENERATE = "/v1/images/generations";
    static final String SYNC_EDIT = "/v1/images/edits";
    static final String ASYNC_GENERATE = "/v1/async/images/generations";
    static final String ASYNC_EDIT = "/v1/async/images/edits";
    static final String TASKS = "/v1/tasks/";
    static final String SOURCE = "pixapi-gpt-image-api.txt";

    /**
     * "Image prompt, up to the selected model's prompt limit" (pixapi-gpt-image-api.txt): the GPT image models' own
     * limit, 32,000 characters (OpenAI Images API reference; EvoLink documents the same for gpt-image-2).
     */
    static final PromptLimit PROMPT_LIMIT = new PromptLimit(32_000, "Pixapi: \"up to the selected model's prompt"
            + " limit\", the GPT image models' 32,000 characters (OpenAI Images API reference)");

    /** OpenAI's edits endpoint combines at most 16 images; Pixapi documents "file or file[]" without a number. */
    static final int MAX_INPUT_IMAGES = 16;

    /**
     * Every shape of Pixapi that no published page shows, as gateway-facts.md lists it under "Assumptions (no source
     * found)". Each is used from here only, so a correction is one edit.
     */
    static final class Assumed {

        /** "The submit answers 200 {id: task_<hex>, status: pending, model, created}": the form users give. */
        static final Pattern TASK_ID = Pattern.compile("task_[A-Za-z0-9_-]{1,200}");

        /** "Known fields are the OpenAI image set: ... background, output_format, output_compression, moderation". */
        static final String OPENAI_FIELDS = "assumed: Pixapi takes OpenAI's image field set (gateway-facts.md)";

        /** "Edits must be multipart. Image parts may be named image or image[]": repeated {@code image} parts. */
        static final String IMAGE_PART = "image";

        /** "mask must be image/png". */
        static final String MASK_PART = "mask";

        private Assumed() {
        }

        /**
         * "The task statuses are pending, processing, completed and failed" (the last two are facts: Pixapi's MCP
         * README). A few OpenAI-style synonyms are tolerated; anything else is UNKNOWN and polled on.
         */
        static JobStatus status(String value) {
            if (value == null) {
                return JobStatus.UNKNOWN;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "pending", "queued" -> JobStatus.QUEUED;
                case "processing", "in_progress", "running" -> JobStatus.PROCESSING;
                case "completed", "succeeded", "success" -> JobStatus.COMPLETED;
                case "failed", "error" -> JobStatus.FAILED;
                default -> JobStatus.UNKNOWN;
            };
        }

        /**
         * "A completed task carries the sync response's data array ... It also carries results: [url, ...]", and
         * "A failed task carries error: {code, message}"; the submit's task id is {@code task["id"]} (a fact of
         * Pixapi's async guide), with {@code task_id} tolerated.
         */
        static String taskId(JsonNode task) {
            String id = GatewayJson.text(task, "id");
            return id != null ? id : GatewayJson.text(task, "task_id");
        }
    }

    private static final ModelSupport GPT_IMAGE_2 = common(ModelSupport.builder(ImageModel.GPT_IMAGE_2, SOURCE))
            .sizes(Sizes.withAuto(Sizes.GPT_IMAGE_2_PRESETS)).customSizes()
            .backgrounds(ImageBackground.OPAQUE, ImageBackground.AUTO)
            .build();

    private static final ModelSupport GPT_IMAGE_1_5 = common(ModelSupport.builder(ImageModel.GPT_IMAGE_1_5, SOURCE))
            .sizes(Sizes.withAuto(Sizes.GPT_IMAGE_1_5))
            .backgrounds(ImageBackground.TRANSPARENT, ImageBackground.OPAQUE, ImageBackground.AUTO)
            .note(ImageOption.SIZE, "auto and the three sizes of GPT Image 1.5: custom sizes are a gpt-image-2 feature"
                                    + " (pixapi-gpt-image-api.txt: gpt-image-2 \"custom sizes\")")
            .build();

    private static ModelSupport.Builder common(ModelSupport.Builder builder) {
        return builder.operations(ImageOperation.GENERATE, ImageOperation.EDIT)
                .maxN(10)
                .qualities(ImageQuality.LOW, ImageQuality.MEDIUM, ImageQuality.HIGH, ImageQuality.AUTO)
                .formats(OutputFormat.PNG, OutputFormat.JPEG, OutputFormat.WEBP).outputCompression()
                .moderations(Moderation.AUTO, Moderation.LOW)
                .inputs(MAX_INPUT_IMAGES, InputKind.LOCAL).mask()
                .synchronous()
                .resultDeliveries(ResultDelivery.URL, ResultDelivery.INLINE)
                .promptLimit(PROMPT_LIMIT)
                .note(ImageOption.N, "1 to 10: Pixapi gives no bound; the models' own (OpenAI Images API reference)")
                .note(ImageOption.FORMAT, Assumed.OPENAI_FIELDS)
                .note(ImageOption.OUTPUT_COMPRESSION, Assumed.OPENAI_FIELDS)
                .note(ImageOption.BACKGROUND, Assumed.OPENAI_FIELDS)
                .note(ImageOption.MODERATION, Assumed.OPENAI_FIELDS)
                .note(ImageOption.IMAGE, "uploaded as files only (multipart); at most 16, OpenAI's edits limit")
                .note(ImageOption.MASK, "a PNG file part (assumed, gateway-facts.md)");
    }

    private static final String RESPONSE_FORMAT = "url as url, inline as b64_json";

    private static final List<WireField> JSON_FIELDS = List.of(
            new WireField(ImageOption.MODEL, JSON, "model"),
            new WireField(ImageOption.PROMPT, JSON, "prompt"),
            new WireField(ImageOption.N, JSON, "n"),
            new WireField(ImageOption.SIZE, JSON, "size"),
            new WireField(ImageOption.QUALITY, JSON, "quality"),
            new WireField(ImageOption.RESULT_DELIVERY, JSON, "response_format", RESPONSE_FORMAT),
            new WireField(ImageOption.BACKGROUND, JSON, "background", Assumed.OPENAI_FIELDS),
            new WireField(ImageOption.FORMAT, JSON, "output_format", Assumed.OPENAI_FIELDS),
            new WireField(ImageOption.OUTPUT_COMPRESSION, JSON, "output_compression", Assumed.OPENAI_FIELDS),
            new WireField(ImageOption.MODERATION, JSON, "moderation", Assumed.OPENAI_FIELDS));

    private static final List<WireField> GENERATE_FIELDS = PixazoGateway.concat(
            List.of(new WireField(ImageOption.SYNCHRONOUS, PATH, ASYNC_GENERATE, "synchronous=true: "
                    + SYNC_GENERATE)), JSON_FIELDS);

    private static final List<WireField> EDIT_FIELDS = List.of(
            new WireField(ImageOption.SYNCHRONOUS, PATH, ASYNC_EDIT, "synchronous=true: " + SYNC_EDIT),
            new WireField(ImageOption.MODEL, FORM_FIELD, "model"),
            new WireField(ImageOption.PROMPT, FORM_FIELD, "prompt"),
            new WireField(ImageOption.IMAGE, FORM_FILE, Assumed.IMAGE_PART),
            new WireField(ImageOption.MASK, FORM_FILE, Assumed.MASK_PART, "assumed: a PNG file part (gateway-facts.md)"),
            new WireField(ImageOption.N, FORM_FIELD, "n"),
            new WireField(ImageOption.SIZE, FORM_FIELD, "size"),
            new WireField(ImageOption.QUALITY, FORM_FIELD, "quality"),
            new WireField(ImageOption.RESULT_DELIVERY, FORM_FIELD, "response_format", RESPONSE_FORMAT),
            new WireField(ImageOption.BACKGROUND, FORM_FIELD, "background", Assumed.OPENAI_FIELDS),
            new WireField(ImageOption.FORMAT, FORM_FIELD, "output_format", Assumed.OPENAI_FIELDS),
            new WireField(ImageOption.OUTPUT_COMPRESSION, FORM_FIELD, "output_compression", Assumed.OPENAI_FIELDS),
            new WireField(ImageOption.MODERATION, FORM_FIELD, "moderation", Assumed.OPENAI_FIELDS));

    /** Prefer the shared instance in {@link Gateways}; gateways are stateless. */
    public PixapiGateway() {
    }

    @Override
    public String id() {
        return "pixapi";
    }

    @Override
    public String name() {
        return "Pixapi";
    }

    @Override
    public String defaultBaseUrl() {
        return BASE_URL;
    }

    /** "Authorization: Bearer $PIXAPI_KEY" (pixapi-gpt-image-api.txt, both examples). */
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
        return operation == ImageOperation.EDIT ? EDIT_FIELDS : GENERATE_FIELDS;
    }

    /** Pixapi's model ids are the users' names: "Use gpt-image-1.5 or gpt-image-2" (pixapi-gpt-image-api.txt). */
    static String modelId(ImageModel model) {
        return model.value();
    }

    /** {@code response_format}: {@code url} or {@code b64_json} (pixapi-gpt-image-api.txt). */
    private static String wireValue(Object value) {
        if (value instanceof ResultDelivery delivery) {
            return delivery == ResultDelivery.INLINE ? "b64_json" : "url";
        }
        if (value instanceof ImageModel model) {
            return modelId(model);
        }
        return value.toString();
    }

    @Override
    public GatewayCall submitCall(ImageRequest request) {
        boolean edit = request.operation() == ImageOperation.EDIT;
        String path = request.synchronous() ? (edit ? SYNC_EDIT : SYNC_GENERATE) : (edit ? ASYNC_EDIT : ASYNC_GENERATE);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        RequestBody body = edit ? multipart(request) : json(request);
        // a synchronous answer, and a completed task, may carry the images themselves (b64_json)
        return new GatewayCall("POST", path, headers, body, true, request.synchronous());
    }

    private static RequestBody json(ImageRequest request) {
        ObjectNode body = GatewayJson.MAPPER.createObjectNode();
        for (WireField field : JSON_FIELDS) {
            Object value = field.option().valueIn(request);
            if (value instanceof Integer number) {
                body.put(field.name(), number);
            } else if (value != null) {
                body.put(field.name(), wireValue(value));
            }
        }
        try {
            return RequestBody.ofBytes("application/json", GatewayJson.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new PixazoException("Could not write the request JSON", e);
        }
    }

    /** Each image is a file part streamed from its bytes or file, with its sniffed content type and a file name. */
    private static RequestBody multipart(ImageRequest request) {
        MultipartBody body = MultipartBody.builder();
        for (WireField field : EDIT_FIELDS) {
            if (field.carrier() == PATH) {
                continue;
            }
            if (field.option() == ImageOption.IMAGE) {
                int index = 1;
                for (ImageInput image : request.images()) {
                    body.file(field.name(), "image-" + index++ + "." + extension(image), image.mediaType(),
                            image.size(), image::openStream);
                }
                continue;
            }
            if (field.option() == ImageOption.MASK) {
                ImageInput mask = request.mask();
                if (mask != null) {
                    body.file(field.name(), "mask.png", "image/png", mask.size(), mask::openStream);
                }
                continue;
            }
            Object value = field.option().valueIn(request);
            if (value != null) {
                body.field(field.name(), wireValue(value));
            }
        }
        return body.build();
    }

    private static String extension(ImageInput image) {
        return image.format().map(format -> format.extension()).orElse("bin");
    }

    @Override
    public GatewayCall statusCall(JobRef job) {
        GatewayJson.requireSafeId(job.requestId());
        return new GatewayCall("GET", TASKS + job.requestId(), Map.of("Accept", "application/json"), null, true, false);
    }

    @Override
    public void requireDocumentedRequestId(String requestId, Object given) {
        if (requestId == null || requestId.isEmpty()) {
            throw new PixazoValidationException("requestId", given, "a task id is required: set the header"
                    + " CamelPixazoRequestId or send the id (or the SubmittedJob of a submit) as the body.");
        }
        if (!Assumed.TASK_ID.matcher(requestId).matches()) {
            throw new PixazoValidationException("requestId", given, "is not a Pixapi task id, which has the form"
                    + " task_<letters and digits>. Take it from the header CamelPixazoRequestId of a submit with"
                    + " gateway=pixapi (a synchronous submit returns no task id), and query it on the gateway that took"
                    + " it (option gateway).");
        }
    }

    @Override
    public SubmitOutcome parseSubmitted(SpooledReply reply, ImageRequest request, SpoolTarget spool) {
        if (request.synchronous()) {
            String localId = "pixapi-sync-" + UUID.randomUUID();
            InlineImageReader.Answer answer = read(reply, spool, localId, "submit", null);
            String id = GatewayJson.text(answer.fields(), "id");
            String requestId = id != null && GatewayJson.SAFE_ID.matcher(id).matches() ? id : localId;
            if (answer.urls().isEmpty() && answer.images().isEmpty()) {
                throw new PixazoMalformedResponseException("Pixapi answered the synchronous submit (HTTP "
                        + reply.status() + ") without images: " + GatewayJson.snippet(reply) + ". The job may have been"
                        + " made and billed; it is not resubmitted automatically.", reply.status(), null, null);
            }
            String model = request.model().value();
            SubmittedJob job = new SubmittedJob(requestId, JobStatus.COMPLETED, null, model, id(), request.operation());
            return SubmitOutcome.finished(job, new JobSnapshot(requestId, JobStatus.COMPLETED, model, null,
                    answer.urls(), null, created(answer.fields()), null, null, null, answer.images()));
        }
        JsonNode json = GatewayJson.readObject(reply, name(), "submit", null);
        String requestId = GatewayJson.acceptedId(Assumed.taskId(json), reply, name(), "task id");
        JobStatus status = Assumed.status(GatewayJson.text(json, "status"));
        return SubmitOutcome.accepted(new SubmittedJob(requestId, status == JobStatus.UNKNOWN ? JobStatus.QUEUED : status,
                null, request.model().value(), id(), request.operation()));
    }

    @Override
    public JobSnapshot parseStatus(SpooledReply reply, JobRef job, SpoolTarget spool) {
        InlineImageReader.Answer answer = read(reply, spool, job.requestId(), "status query", job.requestId());
        ObjectNode task = answer.fields();
        String requestId = Assumed.taskId(task);
        String status = GatewayJson.text(task, "status");
        if (requestId == null || status == null) {
            answer.discard();
            throw new PixazoMalformedResponseException("Pixapi's task answer lacks id or status: "
                    + GatewayJson.snippet(reply), reply.status(), job.requestId(), null);
        }
        JobStatus jobStatus = Assumed.status(status);
        List<String> urls = new ArrayList<>(answer.urls());
        if (urls.isEmpty() && answer.images().isEmpty()) {
            urls.addAll(GatewayJson.strings(task, "results"));
        }
        if (jobStatus != JobStatus.COMPLETED && !answer.images().isEmpty()) {
            answer.discard();
            return snapshot(requestId, jobStatus, task, job, List.of(), List.of());
        }
        return snapshot(requestId, jobStatus, task, job, urls, answer.images());
    }

    private static JobSnapshot snapshot(String requestId, JobStatus status, JsonNode task, JobRef job,
                                        List<String> urls, List<io.github.camelpixazo.media.DownloadedImage> images) {
        String model = GatewayJson.text(task, "model");
        if (model == null && job.model() != null) {
            model = job.model().value();
        }
        return new JobSnapshot(requestId, status, model, errorText(task.get("error")), urls, null, created(task),
                GatewayJson.text(task, "updated_at"), GatewayJson.text(task, "completed_at"),
                GatewayJson.integer(task, "progress"), images);
    }

    /** {@code error: {code, message}} as "code: message"; a plain string as it is. */
    static String errorText(JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        if (!error.isObject()) {
            return error.asText();
        }
        String code = GatewayJson.text(error, "code");
        String message = GatewayJson.text(error, "message");
        return code != null && message != null ? code + ": " + message : code != null ? code : message;
    }

    private static String created(JsonNode json) {
        JsonNode created = json.get("created");
        if (created != null && created.canConvertToLong()) {
            return java.time.Instant.ofEpochSecond(created.asLong()).toString();
        }
        return GatewayJson.text(json, "created");
    }

    private InlineImageReader.Answer read(SpooledReply reply, SpoolTarget spool, String prefix, String what,
                                          String requestId) {
        try {
            return InlineImageReader.read(reply, spool, prefix);
        } catch (LocalIoException disk) { // this machine's spool, not Pixapi's answer: never retried, never "malformed"
            throw new PixazoLocalIoException("Could not store the images of Pixapi's answer to the " + what + ": "
                    + disk.getMessage() + (requestId != null ? " The job is complete and paid: fetch its images with"
                    + " pixazo:status rather than submitting again." : " The job was made and billed; it is not"
                    + " resubmitted automatically."), requestId, disk);
        } catch (IOException e) {
            throw new PixazoMalformedResponseException("Pixapi's answer to the " + what + " (HTTP " + reply.status()
                    + ") is not the documented JSON (" + e.getMessage() + "): " + GatewayJson.snippet(reply)
                    + (requestId == null ? ". The job may have been made and billed; it is not resubmitted"
                       + " automatically." : ""), reply.status(), requestId, e);
        } finally {
            reply.delete(); // the images are decoded into files of their own
        }
    }

    /** Pixapi documents no callbacks (gateway-facts.md: "callbacks/webhooks (none documented)"). */
    @Override
    public Optional<JobSnapshot> parseCallback(byte[] body) {
        return Optional.empty();
    }

    @Override
    public PixazoException failure(HttpReply reply, CallPhase phase, String requestId) {
        return GatewayErrors.of(name(), reply, GatewayErrors.readBody(reply), phase, requestId);
    }
}
