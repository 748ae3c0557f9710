package io.github.camelpixazo.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.media.ImageDimensions;
import io.github.camelpixazo.media.ImageFormat;

/**
 * Every rule the API reference documents, checked before anything is sent so that a bad message is never billed.
 * The rules of the models and of the selected gateway come from the gateway's {@link ModelSupport} table (one per
 * gateway and model); the checks that apply everywhere (image bytes, masks, webhook URLs, prompts) live here.
 * Failures are {@link PixazoValidationException}s naming the option, the value, the gateway and what is allowed.
 */
public final class ImageRequestValidator {

    /** The documented limit per input image (pixazo-gpt-image-api.txt; evolink-gpt-image-1.5-api.txt: 50MB). */
    public static final long MAX_IMAGE_BYTES = 50L * 1024 * 1024;

    /** GPT Image 2's size presets; kept here for the catalog test, defined in {@link Sizes}. */
    static final List<ImageSize> GPT_IMAGE_2_PRESETS = Sizes.GPT_IMAGE_2_PRESETS;


    private final GatewayCapabilities gateway;

    public ImageRequestValidator(GatewayCapabilities gateway) {
        this.gateway = gateway;
    }

    /**
     * Checks a whole request.
     *
     * @return warnings about settings that are allowed but have no effect (to be logged)
     */
    public List<String> validate(ImageRequest request) {
        List<String> warnings = validateOptions(request);
        validateInputs(request);
        return warnings;
    }

    /**
     * Checks what does not depend on a message (endpoints call this at start-up to fail fast on a bad URI).
     *
     * @return warnings about settings that are allowed but have no effect
     */
    public List<String> validateOptions(ImageRequest request) {
        List<String> warnings = new ArrayList<>();
        ModelSupport support = gateway.support(request.model());
        String on = " on " + gateway.name() + " for " + request.model();
        if (!support.operations().contains(request.operation())) {
            String operation = request.operation().name().toLowerCase(Locale.ROOT);
            throw new PixazoValidationException("model", request.given("model", request.model()), gateway.name()
                    + " documents no " + operation + " for " + request.model() + orUse(request, m ->
                    gateway.support(m).operations().contains(request.operation()), "pixazo:" + operation) + ".");
        }
        if (request.synchronous()) {
            requireAccepted(request, support, ImageOption.SYNCHRONOUS, Boolean.TRUE);
        }
        if (request.n() != null) {
            requireAccepted(request, support, ImageOption.N, request.n());
            if (request.n() < 1 || request.n() > support.maxN()) {
                throw new PixazoValidationException("n", request.given("n", request.n()), support.maxN() == 1
                        ? gateway.name() + " accepts only n=1 for " + request.model() + " (" + support.source()
                          + "): send one message per image."
                        : "the number of images must be between 1 and " + support.maxN() + on + ".");
            }
        }
        if (request.size() != null) {
            validateSize(request, support);
        }
        if (request.quality() != null) {
            requireValue(request, support, ImageOption.QUALITY, request.quality(), support.qualities());
        }
        if (request.format() != null) {
            requireValue(request, support, ImageOption.FORMAT, request.format(), support.formats());
        }
        if (request.outputCompression() != null) {
            int compression = request.outputCompression();
            requireAccepted(request, support, ImageOption.OUTPUT_COMPRESSION, compression);
            if (compression < 0 || compression > 100) {
                throw new PixazoValidationException("outputCompression", request.given("outputCompression", compression),
                        "must be between 0 and 100.");
            }
            if (request.effectiveFormat() == OutputFormat.PNG) {
                warnings.add("outputCompression=" + compression + " has no effect on png output: set format=jpeg or "
                             + "format=webp, or remove outputCompression.");
            }
        }
        if (request.background() != null) {
            if (request.background() == ImageBackground.TRANSPARENT && request.model() == ImageModel.GPT_IMAGE_2
                && support.accepts(ImageOption.BACKGROUND)) {
                throw new PixazoValidationException("background", request.given("background", "transparent"),
                        "gpt-image-2 does not support transparent backgrounds (" + gateway.name() + " accepts "
                        + values(support.backgrounds()) + " for it); use opaque or auto, or model gpt-image-1.5 with"
                        + " format png or webp.");
            }
            requireValue(request, support, ImageOption.BACKGROUND, request.background(), support.backgrounds());
            if (request.background() == ImageBackground.TRANSPARENT && request.effectiveFormat() == OutputFormat.JPEG) {
                throw new PixazoValidationException("background", request.given("background", "transparent"),
                        "a transparent background needs format png or webp, not jpeg.");
            }
        }
        if (request.moderation() != null) {
            requireValue(request, support, ImageOption.MODERATION, request.moderation(), support.moderations());
        }
        if (request.resultDelivery() != null) {
            requireValue(request, support, ImageOption.RESULT_DELIVERY, request.resultDelivery(),
                    support.resultDeliveries());
        }
        if (request.webhook() != null) {
            validateWebhook(request, support);
        }
        if (request.mask() != null) {
            if (request.operation() != ImageOperation.EDIT) {
                throw new PixazoValidationException("mask", request.mask().source(),
                        "a mask applies to the edit operation only; remove it or use pixazo:edit.");
            }
            requireAccepted(request, support, ImageOption.MASK, request.mask().source());
            validateMask(request.mask(), null, support);
        }
        gateway.requireSupported(request);
        return warnings;
    }

    /** Refuses an option the gateway does not take for the model, saying where it is available instead. */
    private void requireAccepted(ImageRequest request, ModelSupport support, ImageOption option, Object value) {
        if (support.accepts(option)) {
            return;
        }
        throw new PixazoValidationException(option.optionName(), request.given(option.optionName(), value),
                gateway.name() + " documents no " + option.optionName() + " for " + request.model() + "; remove it"
                + orUse(request, m -> gateway.support(m).accepts(option), null) + ".");
    }

    /** Refuses a value the gateway does not list for the model. */
    private <E extends Enum<E> & OptionValue> void requireValue(ImageRequest request, ModelSupport support,
                                                               ImageOption option, E value, Set<E> allowed) {
        requireAccepted(request, support, option, value);
        if (!allowed.contains(value)) {
            throw new PixazoValidationException(option.optionName(), request.given(option.optionName(), value),
                    gateway.name() + " accepts " + option.optionName() + " " + values(allowed) + " for "
                    + request.model() + " (" + support.source() + ").");
        }
    }

    /** ", or use model X" when another model of this gateway allows it, else ", or use another gateway". */
    private String orUse(ImageRequest request, java.util.function.Predicate<ImageModel> allows, String what) {
        List<String> models = new ArrayList<>();
        for (ImageModel model : ImageModel.values()) {
            if (model != request.model() && allows.test(model)) {
                models.add(model.value());
            }
        }
        if (!models.isEmpty()) {
            return ", or use model " + String.join(" or ", models) + (what != null ? " with " + what : "");
        }
        return " (or use another gateway: option gateway)";
    }

    private static <E extends Enum<E> & OptionValue> String values(Set<E> allowed) {
        List<String> texts = new ArrayList<>();
        allowed.forEach(value -> texts.add(value.value()));
        return String.join(", ", texts);
    }

    /**
     * Checks the message-dependent part: the prompt ({@link PromptRules}, with the gateway's {@link PromptLimit}), the
     * input images and the mask.
     */
    public void validateInputs(ImageRequest request) {
        validatePrompt(request);
        if (request.operation() == ImageOperation.EDIT) {
            ModelSupport support = gateway.support(request.model());
            if (request.images().isEmpty()) {
                throw new PixazoValidationException("image", null,
                        "edit needs at least one input image in the message body.");
            }
            int maxImages = support.maxInputImages();
            if (request.images().size() > maxImages) {
                throw new PixazoValidationException("image", request.images().size() + " images", "one edit combines"
                        + " at most " + maxImages + " input images on " + gateway.name() + "; send fewer (split the"
                        + " list).");
            }
            for (ImageInput image : request.images()) {
                requireKind("image", image, support, request);
                validateImage("image", image);
            }
            if (request.mask() != null) {
                requireKind("mask", request.mask(), support, request);
                validateMask(request.mask(), request.images().get(0), support);
            }
        }
    }

    /** An input image must be of a kind (local bytes, or a URL) the gateway takes. */
    private void requireKind(String option, ImageInput image, ModelSupport support, ImageRequest request) {
        InputKind kind = image.isRemote() ? InputKind.REMOTE : InputKind.LOCAL;
        if (support.inputKinds().contains(kind)) {
            return;
        }
        InputKind other = kind == InputKind.LOCAL ? InputKind.REMOTE : InputKind.LOCAL;
        throw new PixazoValidationException(option, image.isRemote() ? image.url() : image.source(), gateway.name()
                + " takes the input images of " + request.model() + " only as " + other.describe() + ", not as "
                + kind.describe() + " (" + support.source() + ")"
                + (kind == InputKind.LOCAL ? ": put the image where the gateway can download it over https and send"
                   + " its URL (a String body, or a List of them)."
                   : ": send the image itself (a byte[], File or Path body), or use another gateway (option gateway)."));
    }

    /**
     * Checks the prompt: present, and within {@link PromptRules} with the gateway's {@link PromptLimit} for the model.
     * Endpoints call this at start-up for the prompt option.
     */
    public void validatePrompt(ImageRequest request) {
        if (request.prompt() == null || request.prompt().isBlank()) {
            throw new PixazoValidationException("prompt", request.given("prompt", request.prompt()), "a non-blank"
                    + " prompt is required: "
                    + (request.operation() == ImageOperation.GENERATE
                            ? "send it as the message body, in the header CamelPixazoPrompt or as the option prompt."
                            : "set the option prompt or the header CamelPixazoPrompt (the body holds the image)."));
        }
        PromptRules.check(request.prompt(), request.given("prompt", request.prompt()),
                gateway.promptLimit(request.model()));
    }

    /**
     * Checks a webhook URL: https, or http to a loopback host when {@code allowHttpLoopback} (for local testing).
     * The rules every gateway with webhooks shares (pixazo-gpt-image-api.txt: "HTTPS required";
     * evolink-gpt-image-1.5-api.txt: "HTTPS protocol only").
     */
    public static void validateWebhookUrl(String url, boolean allowHttpLoopback) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new PixazoValidationException("webhookUrl", url, "not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new PixazoValidationException("webhookUrl", url, "must be an absolute https URL.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new PixazoValidationException("webhookUrl", url, USER_INFO);
        }
        HeaderValues.tokenProblem(url).ifPresent(problem -> {
            // a gateway may send it as an HTTP header, where only US-ASCII goes through as meant
            throw new PixazoValidationException("webhookUrl", url, problem + ": percent-encode it (as"
                    + " java.net.URI.toASCIIString() does).");
        });
        boolean localTest = allowHttpLoopback && UrlHost.isLoopback(uri.getHost());
        if (scheme.equals("http") && !localTest) {
            throw new PixazoValidationException("webhookUrl", url, "the gateway only calls https webhooks"
                    + (allowHttpLoopback ? "; plain http is allowed for loopback hosts only."
                            : "; for local tests set webhookAllowHttpLoopback=true to allow http to localhost."));
        }
    }

    /** The gateway's webhook rules: whether it has webhooks, which modes, the URL's length and host. */
    private void validateWebhook(ImageRequest request, ModelSupport support) {
        Webhook webhook = request.webhook();
        requireAccepted(request, support, ImageOption.WEBHOOK_URL, webhook.url());
        if (webhook.mode() != null && !support.webhookModes().contains(webhook.mode())) {
            throw new PixazoValidationException("webhookMode", request.given("webhookMode", webhook.mode()),
                    gateway.name() + " calls a webhook only " + (support.webhookModes().contains(WebhookMode.TERMINAL)
                            ? "once, when the job has ended (webhookMode=terminal)" : "in modes "
                              + values(support.webhookModes())) + " (" + support.source() + ").");
        }
        String url = webhook.url();
        if (support.maxWebhookUrlLength() > 0 && url.length() > support.maxWebhookUrlLength()) {
            throw new PixazoValidationException("webhookUrl", url, "is " + url.length() + " characters long; "
                    + gateway.name() + " accepts at most " + support.maxWebhookUrlLength() + " (" + support.source()
                    + ").");
        }
        validateWebhookUrl(url, webhook.allowHttpLoopback());
        String host = URI.create(url).getHost(); // parsed by validateWebhookUrl: absolute, with a host
        UrlHost.Reach reach = UrlHost.classify(host);
        if (support.webhookPublicHostsOnly() && reach != UrlHost.Reach.PUBLIC
            && !(webhook.allowHttpLoopback() && reach == UrlHost.Reach.LOOPBACK)) {
            throw new PixazoValidationException("webhookUrl", url, gateway.name() + " refuses callback URLs on"
                    + " internal addresses such as " + host + ", " + reach.description() + " (" + support.source()
                    + ": \"Internal IP addresses are prohibited\"): use a public https URL (a reverse proxy in front"
                    + " of this application).");
        }
    }

    /** The user info of a URL someone else fetches would hand them the credentials. */
    private static final String USER_INFO = "contains user info (user:password@): the gateway would receive the"
            + " credentials and keep them in its logs; use a URL that needs none (a signed URL), or send the image's"
            + " bytes.";

    private void validateSize(ImageRequest request, ModelSupport support) {
        ImageSize size = request.size();
        Object given = request.given("size", size);
        requireAccepted(request, support, ImageOption.SIZE, given);
        if (support.sizes().contains(size)) {
            return;
        }
        String listed = support.sizeList();
        if (!support.customSizes() || size.isAuto() || size.ratio()) {
            String what = size.isAuto() ? "auto is not among the sizes " : size.ratio()
                    ? "the aspect-ratio form is not among the sizes " : "";
            throw new PixazoValidationException("size", given, what + gateway.name() + " accepts for "
                    + request.model() + ": " + listed + (support.customSizes() ? ", or a custom WIDTHxHEIGHT" : "")
                    + " (" + support.source() + ").");
        }
        String allowed = " Allowed on " + gateway.name() + ": " + listed + ", or a custom WIDTHxHEIGHT with both sides"
                         + " multiples of 16, 655,360 to 8,294,400 pixels, longest edge at most 3840 and aspect ratio"
                         + " at most 3:1.";
        if (size.width() % Sizes.SIZE_STEP != 0 || size.height() % Sizes.SIZE_STEP != 0) {
            throw new PixazoValidationException("size", given, "both sides must be multiples of 16." + allowed);
        }
        if (size.pixels() < Sizes.MIN_PIXELS || size.pixels() > Sizes.MAX_PIXELS) {
            throw new PixazoValidationException("size", given,
                    "has " + size.pixels() + " pixels, outside 655,360 to 8,294,400." + allowed);
        }
        if (Math.max(size.width(), size.height()) > Sizes.MAX_EDGE) {
            throw new PixazoValidationException("size", given, "the longest edge must be at most 3840." + allowed);
        }
        double ratio = (double) Math.max(size.width(), size.height()) / Math.min(size.width(), size.height());
        if (ratio > Sizes.MAX_ASPECT_RATIO) {
            throw new PixazoValidationException("size", given, "the aspect ratio must be at most 3:1." + allowed);
        }
    }

    private static void validateImage(String option, ImageInput image) {
        if (image.isRemote()) {
            if (!image.url().regionMatches(true, 0, "https://", 0, 8)) {
                throw new PixazoValidationException(option, image.url(),
                        "a remote image must be an https URL (or send the bytes, a File or a data: URI).");
            }
            URI uri;
            try {
                uri = new URI(image.url());
            } catch (URISyntaxException e) {
                uri = null;
            }
            String host = uri == null ? null : uri.getHost();
            if (host == null) {
                throw new PixazoValidationException(option, image.url(), "is not a valid URL with a host.");
            }
            if (uri.getRawUserInfo() != null) {
                throw new PixazoValidationException(option, image.url(), USER_INFO);
            }
            UrlHost.Reach reach = UrlHost.classify(host);
            if (reach != UrlHost.Reach.PUBLIC) {
                throw new PixazoValidationException(option, image.url(), "the gateway downloads a URL itself and"
                        + " cannot reach " + host + ", a loopback or private address (" + reach.description()
                        + "): send the image's bytes (a File, Path or byte[] body) instead.");
            }
            return;
        }
        if (image.size() > MAX_IMAGE_BYTES) {
            throw new PixazoValidationException(option, image.source(),
                    "is " + image.size() + " bytes; each image may be at most 50 MB (52,428,800 bytes).");
        }
        if (image.format().isEmpty()) {
            throw new PixazoValidationException(option, image.source(),
                    "is not a PNG, JPEG or WEBP image (judged by its bytes, not its name).");
        }
        requireWhole(option, image);
    }

    /** An image whose header or structure cannot be read is not an image: the gateway would fail (and bill) it. */
    private static void requireWhole(String option, ImageInput image) {
        image.defect().ifPresent(defect -> {
            throw new PixazoValidationException(option, image.source(), "starts like a "
                    + image.format().map(f -> f.value().toUpperCase(Locale.ROOT)).orElse("")
                    + " image of " + image.size() + " bytes but " + defect + " Send the whole image.");
        });
    }

    /** @param firstImage null when there is no message yet (start-up): then only the mask itself is checked */
    private void validateMask(ImageInput mask, ImageInput firstImage, ModelSupport support) {
        if (mask.isRemote()) {
            if (!support.inputKinds().contains(InputKind.REMOTE)) {
                throw new PixazoValidationException("mask", mask.url(), gateway.name() + " takes a mask only as a"
                        + " local PNG (bytes, a File or Path, or a data: URI), not as a URL (" + support.source() + ").");
            }
            validateImage("mask", mask);
            return;
        }
        if (!support.inputKinds().contains(InputKind.LOCAL)) {
            throw new PixazoValidationException("mask", mask.source(), gateway.name() + " takes a mask only as an"
                    + " https URL (" + support.source() + ").");
        }
        if (mask.size() > MAX_IMAGE_BYTES) {
            throw new PixazoValidationException("mask", mask.source(),
                    "is " + mask.size() + " bytes; it may be at most 50 MB.");
        }
        if (mask.format().orElse(null) != ImageFormat.PNG) {
            throw new PixazoValidationException("mask", mask.source(),
                    "must be a PNG (white = editable, black = preserved), but its bytes are "
                    + mask.format().map(ImageFormat::value).orElse("not an image") + ".");
        }
        requireWhole("mask", mask);
        ImageDimensions maskSize = mask.dimensions().orElse(null);
        ImageDimensions imageSize = firstImage != null ? firstImage.dimensions().orElse(null) : null;
        if (maskSize != null && imageSize != null && !maskSize.equals(imageSize)) {
            throw new PixazoValidationException("mask", mask.source(),
                    "is " + maskSize + " but the first input image is " + imageSize
                    + "; the mask must have the same dimensions as the first input image.");
        }
    }
}
