package io.github.camelpixazo.request;

import java.util.function.Function;

/**
 * The options of an image job that a gateway puts on the wire, in the user's vocabulary: each gateway maps them to
 * its own documented field, header or multipart part (see the gateway pages in docs/gateways), and sends only those
 * that are set. {@link #valueIn(ImageRequest)} reads one from a request.
 */
public enum ImageOption {
    MODEL("model", ImageRequest::model),
    PROMPT("prompt", ImageRequest::prompt),
    N("n", ImageRequest::n),
    SIZE("size", ImageRequest::size),
    QUALITY("quality", ImageRequest::quality),
    FORMAT("format", ImageRequest::format),
    OUTPUT_COMPRESSION("outputCompression", ImageRequest::outputCompression),
    BACKGROUND("background", ImageRequest::background),
    MODERATION("moderation", ImageRequest::moderation),
    IMAGE("image", r -> r.images().isEmpty() ? null : r.images()),
    MASK("mask", ImageRequest::mask),
    WEBHOOK_URL("webhookUrl", r -> r.webhook() != null ? r.webhook().url() : null),
    WEBHOOK_MODE("webhookMode", r -> r.webhook() != null ? r.webhook().mode() : null),
    RESULT_DELIVERY("resultDelivery", ImageRequest::resultDelivery),
    SYNCHRONOUS("synchronous", r -> r.synchronous() ? Boolean.TRUE : null);

    private final String optionName;
    private final Function<ImageRequest, Object> value;

    ImageOption(String optionName, Function<ImageRequest, Object> value) {
        this.optionName = optionName;
        this.value = value;
    }

    /** The option's name as users write it (endpoint URI, component property). */
    public String optionName() {
        return optionName;
    }

    /** The value set in the request, or null when it is not set (then nothing goes on the wire for it). */
    public Object valueIn(ImageRequest request) {
        return value.apply(request);
    }
}
