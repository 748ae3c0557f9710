package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.error.PixazoAuthenticationException;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.RequestBody;
import io.github.camelpixazo.http.RetryAfter;
import io.github.camelpixazo.media.Base64EncodingInputStream;
import io.github.camelpixazo.media.DataUri;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.PromptLimit;

/**
 * The Pixazo gateway's wire format ({@code https://gateway.pixazo.ai}), as documented in
 * {@code pixazo-gpt-image-api.txt}: submit paths and field names per model, the universal status endpoint, the
 * {@code Ocp-Apim-Subscription-Key} header and the {@code {error, message}} error bodies.
 */
public final class PixazoGateway implements ImageGateway {

    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    static final String GPT_IMAGE_2_GENERATE = "/gpt-image-2/v1/text-to-image";
    static final String GPT_IMAGE_2_EDIT = "/gpt-image-2/v1/image-to-image-edit";
    static final String GPT_IMAGE_1_5_GENERATE = "/gpt-image-1-5-api-923/v1/gpt-image-1-5-api-request";
    static final String STATUS = "/v2/requests/status/";
    static final String GPT_IMAGE_2_ID = "gpt-image-2";
    static final String GPT_IMAGE_1_5_ID = "gpt-image-1-5-api-923";

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

    /** Request ids are echoed into a URL path: only characters that need no escaping and cannot climb the path. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,254}");

    /**
     * The documented form of a request id: {@code <model id>_<UUID>}, e.g. {@code gpt-image-2_019dxxxx-xxxx-...} and
     * {@code gpt-image-1-5-api-923_019dxxxx-...} (pixazo-gpt-image-api.txt, every response example).
     */
    static final Pattern DOCUMENTED_REQUEST_ID = Pattern.compile(
            "[a-z0-9][a-z0-9.-]*_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "Pixazo";
    }

    @Override
    public Map<String, String> authenticationHeaders(String apiKey) {
        return Map.of(KEY_HEADER, apiKey);
    }

    @Override
    public void requireSupported(ImageRequest request) {
        if (request.model() != ImageModel.GPT_IMAGE_1_5) {
            return;
        }
        if (request.operation() == ImageOperation.EDIT) {
            throw new PixazoValidationException("model", request.given("model", request.model()),
                    "Pixazo documents no edit endpoint for gpt-image-1.5; use model gpt-image-2 with pixazo:edit.");
        }
        if (request.moderation() != null) {
            throw new PixazoValidationException("moderation", request.given("moderation", request.moderation()),
                    "Pixazo documents no moderation parameter for gpt-image-1.5; remove it or use model gpt-image-2.");
        }
        if (request.outputCompression() != null) {
            throw new PixazoValidationException("outputCompression",
                    request.given("outputCompression", request.outputCompression()),
                    "Pixazo documents no output_compression parameter for gpt-image-1.5; remove it or use model"
                    + " gpt-image-2.");
        }
    }

    @Override
    public PromptLimit promptLimit(ImageModel model) {
        return PROMPT_LIMIT;
    }

    @Override
    public int maxInputImages(ImageModel model) {
        return MAX_INPUT_IMAGES;
    }

    @Override
    public GatewayCall submitCall(ImageRequest request) {
        ObjectNode body = JSON.createObjectNode();
        InlineImages inline = new InlineImages();
        String path;
        body.put("prompt", request.prompt());
        if (request.model() == ImageModel.GPT_IMAGE_1_5) {
            path = GPT_IMAGE_1_5_GENERATE;
            putIfSet(body, "image_size", request.size());
            putIfSet(body, "quality", request.quality());
            putIfSet(body, "background", request.background());
            putIfSet(body, "num_images", request.n());
            putIfSet(body, "output_format", request.format());
        } else {
            if (request.operation() == ImageOperation.EDIT) {
                path = GPT_IMAGE_2_EDIT;
                List<ImageInput> images = request.images();
                if (images.size() == 1) {
                    body.put("image", inline.add(images.get(0)));
                } else {
                    ArrayNode array = body.putArray("image");
                    images.forEach(image -> array.add(inline.add(image)));
                }
                if (request.mask() != null) {
                    body.put("mask", inline.add(request.mask()));
                }
            } else {
                path = GPT_IMAGE_2_GENERATE;
            }
            putIfSet(body, "n", request.n());
            putIfSet(body, "size", request.size());
            putIfSet(body, "quality", request.quality());
            putIfSet(body, "format", request.format());
            putIfSet(body, "output_compression", request.outputCompression());
            putIfSet(body, "background", request.background());
            putIfSet(body, "moderation", request.moderation());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-cache");
        headers.put("Accept", "application/json");
        if (request.webhook() != null) {
            headers.put("X-Webhook-URL", request.webhook().url());
            if (request.webhook().mode() != null) {
                headers.put("X-Webhook-Mode", request.webhook().mode().value());
            }
        }
        try {
            return new GatewayCall("POST", path, headers, inline.body("application/json", JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new PixazoException("Could not write the request JSON", e);
        }
    }

    @Override
    public GatewayCall statusCall(String requestId) {
        requireRequestId(requestId);
        return new GatewayCall("GET", STATUS + requestId, Map.of("Cache-Control", "no-cache", "Accept", "application/json"),
                null);
    }

    /** @throws PixazoValidationException unless the id has the shape of a gateway request id */
    public static void requireRequestId(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new PixazoValidationException("requestId", requestId, "not a request id: expected letters, digits and"
                    + " . _ : - (for example gpt-image-2_019d...), from the header CamelPixazoRequestId of a submit.");
        }
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
                    + " header CamelPixazoRequestId of a submit.");
        }
    }

    @Override
    public SubmittedJob parseSubmitted(HttpReply reply) {
        JsonNode json = readObject(reply, null, "submit");
        String requestId = text(json, "request_id");
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new PixazoMalformedResponseException("The gateway accepted the submit (HTTP " + reply.status()
                    + ") but its answer has no usable request_id: " + snippet(reply) + ". The job may have been queued"
                    + " and billed; it is not resubmitted automatically.", reply.status(), null, null);
        }
        return new SubmittedJob(requestId, JobStatus.fromGateway(text(json, "status")), text(json, "polling_url"),
                modelOf(text(json, "model_id"), requestId));
    }

    @Override
    public JobSnapshot parseStatus(HttpReply reply) {
        JsonNode json = readObject(reply, null, "status query");
        String requestId = text(json, "request_id");
        String status = text(json, "status");
        if (requestId == null || status == null) {
            throw new PixazoMalformedResponseException("The gateway's status answer lacks request_id or status: "
                    + snippet(reply), reply.status(), requestId, null);
        }
        List<String> mediaUrls = new ArrayList<>();
        String mediaType = null;
        JsonNode output = json.get("output");
        if (output != null && output.isObject()) {
            JsonNode urls = output.get("media_url");
            if (urls != null && urls.isArray()) {
                urls.forEach(url -> {
                    if (url.isTextual()) {
                        mediaUrls.add(url.asText());
                    }
                });
            } else if (urls != null && urls.isTextual()) {
                mediaUrls.add(urls.asText());
            }
            mediaType = text(output, "media_type");
        }
        return new JobSnapshot(requestId, JobStatus.fromGateway(status), modelOf(text(json, "model_id"), requestId),
                text(json, "error"), mediaUrls, mediaType, text(json, "created_at"), text(json, "updated_at"),
                text(json, "completed_at"));
    }

    @Override
    public PixazoException failure(HttpReply reply, CallPhase phase, String requestId) {
        String error = null;
        String message = null;
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json != null && json.isObject()) {
                error = text(json, "error");
                message = text(json, "message");
            }
        } catch (IOException notJson) {
            message = snippet(reply);
        }
        int status = reply.status();
        if (status == 401 || status == 403) {
            return new PixazoAuthenticationException(status, error, message, requestId);
        }
        // RFC 9110 defines Retry-After for 429 and 503; every call kind obeys it (submit, status, download)
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(reply.header("Retry-After"), Instant.now()) : null;
        return (phase == CallPhase.SUBMIT ? submitFailure(status, retryAfter, error, message)
                : statusFailure(status, error, message, requestId)).withRetryAfter(retryAfter);
    }

    /** A failed submit: the types that say "nothing was queued" are used only where that is true. */
    private static PixazoException submitFailure(int status, Duration retryAfter, String error, String message) {
        String says = PixazoException.gatewaySays(error, message);
        switch (status) {
            case 400:
                return new PixazoValidationException(error, message);
            case 402:
                return new PixazoInsufficientBalanceException(error, message);
            case 429:
                return new PixazoRateLimitException("the job was not queued.", retryAfter, error, message);
            case 503:
                if (retryAfter != null) {
                    // a refusal to start work, with a time to come back: Pixapi and EvoLink document 503 as retryable
                    return new PixazoRateLimitException(503, "the job was not queued.", retryAfter, error, message);
                }
                return new PixazoException("The gateway answered HTTP 503 to the submit" + says
                        + " without Retry-After. The job may have been queued anyway, so it is not resubmitted"
                        + " automatically (a second submit could be billed twice): check the Pixazo dashboard before"
                        + " sending the message again.", status, error, message, null, null);
            case 404:
                return new PixazoException("The gateway has no such endpoint (HTTP 404)" + says
                        + ": check baseUrl (its path prefix is kept) and the model.", status, error, message, null, null);
            default:
                if (status >= 500) {
                    return new PixazoException("The gateway answered HTTP " + status + " to the submit" + says
                            + ". The job may have been queued anyway, so it is not resubmitted automatically (a second"
                            + " submit could be billed twice): check the Pixazo dashboard before sending the message"
                            + " again.", status, error, message, null, null);
                }
                return new PixazoException("The gateway answered HTTP " + status + " to the submit" + says
                        + ". The job may have been queued: check the Pixazo dashboard before sending the message again.",
                        status, error, message, null, null);
        }
    }

    /**
     * A failed status query. The job was queued (and may be billed) whatever this says, so these are never the types
     * whose documented handling is "send again", and they always carry the request id.
     */
    private static PixazoException statusFailure(int status, String error, String message, String requestId) {
        String says = PixazoException.gatewaySays(error, message);
        String job = "job " + requestId;
        if (status == 404) {
            return new PixazoException("The gateway knows no " + job + " (HTTP 404)" + says
                    + ": check the request id (CamelPixazoRequestId of the submit) and baseUrl.",
                    status, error, message, requestId, null);
        }
        return new PixazoException("The gateway answered HTTP " + status + " to the status query of " + job + says
                + (status >= 500 || status == 429 ? ", also on every retry" : "") + ". The job itself continues at"
                + " the gateway (and may be billed): query it later with pixazo:status rather than submitting again.",
                status, error, message, requestId, null);
    }

    private static JsonNode readObject(HttpReply reply, String requestId, String what) {
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (IOException malformed) {
            throw new PixazoMalformedResponseException("The gateway's answer to the " + what + " (HTTP " + reply.status()
                    + ") is not JSON: " + snippet(reply), reply.status(), requestId, malformed);
        }
        throw new PixazoMalformedResponseException("The gateway's answer to the " + what + " (HTTP " + reply.status()
                + ") is not a JSON object: " + snippet(reply), reply.status(), requestId, null);
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

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static void putIfSet(ObjectNode body, String field, Object value) {
        if (value instanceof Integer number) {
            body.put(field, number);
        } else if (value != null) {
            body.put(field, value.toString());
        }
    }

    private static String snippet(HttpReply reply) {
        String text = new String(reply.body(), 0, Math.min(reply.body().length, 200), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "<empty body>" : "'" + text + (reply.body().length > 200 ? "...'" : "'");
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
