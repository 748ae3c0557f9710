package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import io.github.camelpixazo.media.Base64EncodingInputStream;
import io.github.camelpixazo.media.DataUri;
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
import io.github.camelpixazo.request.Sizes;
import io.github.camelpixazo.request.WebhookMode;

import static io.github.camelpixazo.gateway.WireField.Carrier.HEADER;
import static io.github.camelpixazo.gateway.WireField.Carrier.JSON;
import static io.github.camelpixazo.gateway.WireField.Carrier.PATH;

/**
 * The Pixazo gateway's wire format ({@code https://gateway.pixazo.ai}), as documented in
 * {@code pixazo-gpt-image-api.txt}: submit paths and field names per model, the universal status endpoint, the
 * {@code Ocp-Apim-Subscription-Key} header, the {@code X-Webhook-URL}/{@code X-Webhook-Mode} headers and the
 * {@code {error, message}} error bodies.
 */
public final class PixazoGateway implements ImageGateway {

    static final String BASE_URL = "https://gateway.pixazo.ai";
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    static final String GPT_IMAGE_2_GENERATE = "/gpt-image-2/v1/text-to-image";
    static final String GPT_IMAGE_2_EDIT = "/gpt-image-2/v1/image-to-image-edit";
    static final String GPT_IMAGE_1_5_GENERATE = "/gpt-image-1-5-api-923/v1/gpt-image-1-5-api-request";
    static final String STATUS = "/v2/requests/status/";
    static final String GPT_IMAGE_2_ID = "gpt-image-2";
    static final String GPT_IMAGE_1_5_ID = "gpt-image-1-5-api-923";
    static final String SOURCE = "pixazo-gpt-image-api.txt";

    /**
     * Pixazo documents no prompt limit for either model. The bound is the models' own: OpenAI's Images API reference
     * gives 32,000 characters for the GPT image models, the figure EvoLink also documents for gpt-image-2
     * (gateway-facts.md). EvoLink's 2000 tokens for gpt-image-1.5 is EvoLink's own rule, not applied here.
     */
    static final PromptLimit PROMPT_LIMIT = new PromptLimit(32_000, "Pixazo documents no limit; this is the GPT image"
            + " models' own limit (OpenAI Images API reference), also documented by EvoLink for gpt-image-2");

    /**
     * Pixazo documents no limit on the number of edit input images; 16 is the GPT image models' own (OpenAI's edits
     * reference) and what EvoLink documents (1-16 images per request, evolink-gpt-image-1.5-api.txt).
     */
    static final int MAX_INPUT_IMAGES = 16;

    /**
     * The documented form of a request id: {@code <model id>_<UUID>}, e.g. {@code gpt-image-2_019dxxxx-xxxx-...} and
     * {@code gpt-image-1-5-api-923_019dxxxx-...} (pixazo-gpt-image-api.txt, every response example).
     */
    static final Pattern DOCUMENTED_REQUEST_ID = Pattern.compile(
            "[a-z0-9][a-z0-9.-]*_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final ModelSupport GPT_IMAGE_2 = ModelSupport.builder(ImageModel.GPT_IMAGE_2, SOURCE)
            .operations(ImageOperation.GENERATE, ImageOperation.EDIT)
            .maxN(10)
            .sizes(Sizes.withAuto(Sizes.GPT_IMAGE_2_PRESETS)).customSizes()
            .qualities(ImageQuality.LOW, ImageQuality.MEDIUM, ImageQuality.HIGH, ImageQuality.AUTO)
            .formats(OutputFormat.PNG, OutputFormat.JPEG, OutputFormat.WEBP).outputCompression()
            .backgrounds(ImageBackground.OPAQUE, ImageBackground.AUTO)
            .moderations(Moderation.AUTO, Moderation.LOW)
            .inputs(MAX_INPUT_IMAGES, InputKind.LOCAL, InputKind.REMOTE).mask()
            .webhooks(0, false, WebhookMode.TERMINAL, WebhookMode.SYNC)
            .promptLimit(PROMPT_LIMIT)
            .note(ImageOption.PROMPT, "32,000 characters: Pixazo documents none; the models' own limit")
            .note(ImageOption.IMAGE, "at most 16: Pixazo documents none; the models' own (OpenAI's edits reference)")
            .build();

    private static final ModelSupport GPT_IMAGE_1_5 = ModelSupport.builder(ImageModel.GPT_IMAGE_1_5, SOURCE)
            .operations(ImageOperation.GENERATE)
            .maxN(10)
            .sizes(Sizes.withAuto(Sizes.GPT_IMAGE_1_5))
            .qualities(ImageQuality.LOW, ImageQuality.MEDIUM, ImageQuality.HIGH, ImageQuality.AUTO)
            .formats(OutputFormat.PNG, OutputFormat.JPEG, OutputFormat.WEBP)
            .backgrounds(ImageBackground.TRANSPARENT, ImageBackground.OPAQUE, ImageBackground.AUTO)
            .webhooks(0, false, WebhookMode.TERMINAL, WebhookMode.SYNC)
            .promptLimit(PROMPT_LIMIT)
            .note(ImageOption.PROMPT, "32,000 characters: Pixazo documents none; the models' own limit")
            .build();

    private static final List<WireField> WEBHOOK = List.of(
            new WireField(ImageOption.WEBHOOK_URL, HEADER, "X-Webhook-URL"),
            new WireField(ImageOption.WEBHOOK_MODE, HEADER, "X-Webhook-Mode"));

    private static final List<WireField> GPT_IMAGE_2_OPTIONS = List.of(
            new WireField(ImageOption.N, JSON, "n"),
            new WireField(ImageOption.SIZE, JSON, "size"),
            new WireField(ImageOption.QUALITY, JSON, "quality"),
            new WireField(ImageOption.FORMAT, JSON, "format"),
            new WireField(ImageOption.OUTPUT_COMPRESSION, JSON, "output_compression"),
            new WireField(ImageOption.BACKGROUND, JSON, "background"),
            new WireField(ImageOption.MODERATION, JSON, "moderation"));

    private static final List<WireField> GPT_IMAGE_2_GENERATE_FIELDS = concat(
            List.of(new WireField(ImageOption.MODEL, PATH, GPT_IMAGE_2_GENERATE),
                    new WireField(ImageOption.PROMPT, JSON, "prompt")), GPT_IMAGE_2_OPTIONS, WEBHOOK);

    private static final List<WireField> GPT_IMAGE_2_EDIT_FIELDS = concat(
            List.of(new WireField(ImageOption.MODEL, PATH, GPT_IMAGE_2_EDIT),
                    new WireField(ImageOption.PROMPT, JSON, "prompt"),
                    new WireField(ImageOption.IMAGE, JSON, "image"),
                    new WireField(ImageOption.MASK, JSON, "mask")), GPT_IMAGE_2_OPTIONS, WEBHOOK);

    private static final List<WireField> GPT_IMAGE_1_5_FIELDS = concat(List.of(
            new WireField(ImageOption.MODEL, PATH, GPT_IMAGE_1_5_GENERATE),
            new WireField(ImageOption.PROMPT, JSON, "prompt"),
            new WireField(ImageOption.SIZE, JSON, "image_size"),
            new WireField(ImageOption.QUALITY, JSON, "quality"),
            new WireField(ImageOption.BACKGROUND, JSON, "background"),
            new WireField(ImageOption.N, JSON, "num_images"),
            new WireField(ImageOption.FORMAT, JSON, "output_format")), WEBHOOK);

    /** Prefer the shared instance in {@link Gateways}; gateways are stateless. */
    public PixazoGateway() {
    }

    @SafeVarargs
    static List<WireField> concat(List<WireField>... lists) {
        List<WireField> all = new ArrayList<>();
        for (List<WireField> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    @Override
    public String id() {
        return "pixazo";
    }

    @Override
    public String name() {
        return "Pixazo";
    }

    @Override
    public String defaultBaseUrl() {
        return BASE_URL;
    }

    @Override
    public Map<String, String> authenticationHeaders(String apiKey) {
        return Map.of(KEY_HEADER, apiKey);
    }

    @Override
    public ModelSupport support(ImageModel model) {
        return model == ImageModel.GPT_IMAGE_1_5 ? GPT_IMAGE_1_5 : GPT_IMAGE_2;
    }

    @Override
    public List<WireField> wireFields(ImageModel model, ImageOperation operation) {
        if (model == ImageModel.GPT_IMAGE_1_5) {
            return operation == ImageOperation.GENERATE ? GPT_IMAGE_1_5_FIELDS : List.of();
        }
        return operation == ImageOperation.EDIT ? GPT_IMAGE_2_EDIT_FIELDS : GPT_IMAGE_2_GENERATE_FIELDS;
    }

    @Override
    public GatewayCall submitCall(ImageRequest request) {
        List<WireField> fields = wireFields(request.model(), request.operation());
        ObjectNode body = GatewayJson.MAPPER.createObjectNode();
        InlineImages inline = new InlineImages();
        String path = null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-cache");
        headers.put("Accept", "application/json");
        for (WireField field : fields) {
            Object value = field.option().valueIn(request);
            if (field.carrier() == PATH) {
                path = field.name();
            } else if (value == null) {
                continue;
            } else if (field.option() == ImageOption.IMAGE) {
                List<ImageInput> images = request.images();
                if (images.size() == 1) {
                    body.put(field.name(), inline.add(images.get(0)));
                } else {
                    ArrayNode array = body.putArray(field.name());
                    images.forEach(image -> array.add(inline.add(image)));
                }
            } else if (field.option() == ImageOption.MASK) {
                body.put(field.name(), inline.add(request.mask()));
            } else if (field.carrier() == HEADER) {
                headers.put(field.name(), value.toString());
            } else if (value instanceof Integer number) {
                body.put(field.name(), number);
            } else {
                body.put(field.name(), value.toString());
            }
        }
        try {
            return new GatewayCall("POST", path, headers, inline.body("application/json",
                    GatewayJson.MAPPER.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new PixazoException("Could not write the request JSON", e);
        }
    }

    @Override
    public GatewayCall statusCall(JobRef job) {
        GatewayJson.requireSafeId(job.requestId());
        return new GatewayCall("GET", STATUS + job.requestId(), Map.of("Cache-Control", "no-cache", "Accept",
                "application/json"), null);
    }

    @Override
    public void requireDocumentedRequestId(String requestId, Object given) {
        if (requestId == null || requestId.isEmpty()) {
            throw new PixazoValidationException("requestId", given, "a request id is required: set the header"
                    + " CamelPixazoRequestId or send the id (or the SubmittedJob of a submit) as the body.");
        }
        if (!DOCUMENTED_REQUEST_ID.matcher(requestId).matches()) {
            throw new PixazoValidationException("requestId", given, "is not a Pixazo request id, which has the form"
                    + " <model id>_<UUID> (e.g. gpt-image-2_019d1c2e-7b3a-7cde-9f01-23456789abcd). Take it from the"
                    + " header CamelPixazoRequestId of a submit, and query it on the gateway that took it (option"
                    + " gateway).");
        }
    }

    @Override
    public SubmitOutcome parseSubmitted(SpooledReply reply, ImageRequest request, SpoolTarget spool) {
        JsonNode json = GatewayJson.readObject(reply, name(), "submit", null);
        String requestId = GatewayJson.acceptedId(GatewayJson.text(json, "request_id"), reply, name(), "request_id");
        return SubmitOutcome.accepted(new SubmittedJob(requestId, JobStatus.fromGateway(GatewayJson.text(json,
                "status")), GatewayJson.text(json, "polling_url"), modelOf(GatewayJson.text(json, "model_id"), requestId),
                id(), request.operation()));
    }

    @Override
    public JobSnapshot parseStatus(SpooledReply reply, JobRef job, SpoolTarget spool) {
        return snapshot(GatewayJson.readObject(reply, name(), "status query", job.requestId()), reply.status(),
                GatewayJson.snippet(reply));
    }

    /** Pixazo's callback has the status answer's shape (pixazo-gpt-image-api.txt, "Callback Payload"). */
    @Override
    public Optional<JobSnapshot> parseCallback(byte[] body) {
        JsonNode json = GatewayJson.readCallback(body, name());
        return Optional.of(snapshot(json, 0, GatewayJson.snippet(body)));
    }

    private static JobSnapshot snapshot(JsonNode json, int httpStatus, String snippet) {
        String requestId = GatewayJson.text(json, "request_id");
        String status = GatewayJson.text(json, "status");
        if (requestId == null || status == null) {
            throw new PixazoMalformedResponseException("Pixazo's status answer lacks request_id or status: " + snippet,
                    httpStatus, requestId, null);
        }
        List<String> mediaUrls = new ArrayList<>();
        String mediaType = null;
        JsonNode output = json.get("output");
        if (output != null && output.isObject()) {
            mediaUrls.addAll(GatewayJson.strings(output, "media_url"));
            mediaType = GatewayJson.text(output, "media_type");
        }
        return new JobSnapshot(requestId, JobStatus.fromGateway(status), modelOf(GatewayJson.text(json, "model_id"),
                requestId), GatewayJson.text(json, "error"), mediaUrls, mediaType, GatewayJson.text(json, "created_at"),
                GatewayJson.text(json, "updated_at"), GatewayJson.text(json, "completed_at"));
    }

    @Override
    public PixazoException failure(HttpReply reply, CallPhase phase, String requestId) {
        return GatewayErrors.of(name(), reply, GatewayErrors.readBody(reply), phase, requestId);
    }

    /** Pixazo's status table: "FAILED - check error field", "ERROR - System error, not charged". */
    @Override
    public String failureAdvice(JobSnapshot snapshot) {
        return snapshot.status() == JobStatus.ERROR
                ? "ERROR is a gateway system error and is not charged: it is safe to send the message again."
                : "FAILED means the model could not do this request: change the prompt or input images before sending"
                  + " again.";
    }

    private static String modelOf(String modelId, String requestId) {
        String id = modelId;
        if (id == null && requestId != null && requestId.contains("_")) {
            id = requestId.substring(0, requestId.indexOf('_'));
        }
        if (GPT_IMAGE_2_ID.equals(id)) {
            return ImageModel.GPT_IMAGE_2.value();
        }
        if (GPT_IMAGE_1_5_ID.equals(id)) {
            return ImageModel.GPT_IMAGE_1_5.value();
        }
        return id;
    }

    /**
     * Local images inside the request JSON without a whole-image String: each gets a unique placeholder in the JSON
     * tree, and the serialized JSON is cut at the placeholders into segments, with each image's data URI streamed
     * in between (its base64 encoded while it is sent). Remote images stay plain URL strings.
     */
    private static final class InlineImages {
        private final String token = "pixazo-inline-" + UUID.randomUUID() + "-";
        private final List<ImageInput> images = new ArrayList<>();

        /** The JSON string value for this image: its URL, or a placeholder. */
        String add(ImageInput image) {
            if (image.isRemote()) {
                return image.url();
            }
            images.add(image);
            return token + (images.size() - 1);
        }

        RequestBody body(String contentType, byte[] json) {
            if (images.isEmpty()) {
                return RequestBody.ofBytes(contentType, json);
            }
            String text = new String(json, StandardCharsets.UTF_8);
            List<RequestBody.Segment> segments = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < images.size(); i++) {
                String placeholder = token + i;
                int at = text.indexOf(placeholder, from);
                segments.add(new RequestBody.BytesSegment(text.substring(from, at).getBytes(StandardCharsets.UTF_8)));
                ImageInput image = images.get(i);
                byte[] prefix = DataUri.prefix(image.mediaType()).getBytes(StandardCharsets.US_ASCII);
                segments.add(new RequestBody.BytesSegment(prefix));
                segments.add(new RequestBody.StreamSegment(Base64EncodingInputStream.encodedLength(image.size()),
                        () -> new Base64EncodingInputStream(image.openStream())));
                from = at + placeholder.length();
            }
            segments.add(new RequestBody.BytesSegment(text.substring(from).getBytes(StandardCharsets.UTF_8)));
            return RequestBody.of(contentType, segments);
        }
    }
}
