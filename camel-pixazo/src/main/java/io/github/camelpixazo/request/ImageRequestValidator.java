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
 * Failures are {@link PixazoValidationException}s naming the option, the value and what is allowed.
 */
public final class ImageRequestValidator {

    /** The documented limit per input image. */
    public static final long MAX_IMAGE_BYTES = 50L * 1024 * 1024;
    static final int MIN_N = 1;
    static final int MAX_N = 10;
    static final long MIN_PIXELS = 655_360;
    static final long MAX_PIXELS = 8_294_400;
    static final int MAX_EDGE = 3840;
    static final int SIZE_STEP = 16;
    static final double MAX_ASPECT_RATIO = 3.0;

    static final List<ImageSize> GPT_IMAGE_2_PRESETS = List.of(size(1024, 1024), size(1024, 1536), size(1536, 1024),
            size(2048, 2048), size(2048, 1152), size(2160, 3840), size(3840, 2160));
    static final Set<ImageSize> GPT_IMAGE_1_5_SIZES = Set.of(size(1024, 1024), size(1536, 1024), size(1024, 1536));


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
        if (request.n() != null && (request.n() < MIN_N || request.n() > MAX_N)) {
            throw new PixazoValidationException("n", request.given("n", request.n()), "the number of images must be between 1 and 10.");
        }
        if (request.size() != null) {
            validateSize(request.model(), request.size(), request.given("size", request.size()));
        }
        if (request.outputCompression() != null) {
            int compression = request.outputCompression();
            if (compression < 0 || compression > 100) {
                throw new PixazoValidationException("outputCompression", request.given("outputCompression", compression),
                        "must be between 0 and 100.");
            }
            if (request.effectiveFormat() == ImageFormat.PNG) {
                warnings.add("outputCompression=" + compression + " has no effect on png output: set format=jpeg or "
                             + "format=webp, or remove outputCompression.");
            }
        }
        if (request.background() == ImageBackground.TRANSPARENT) {
            if (request.model() == ImageModel.GPT_IMAGE_2) {
                throw new PixazoValidationException("background", request.given("background", "transparent"),
                        "gpt-image-2 does not support transparent backgrounds; use opaque or auto, "
                        + "or model gpt-image-1.5 with format png or webp.");
            }
            if (request.effectiveFormat() == ImageFormat.JPEG) {
                throw new PixazoValidationException("background", request.given("background", "transparent"),
                        "a transparent background needs format png or webp, not jpeg.");
            }
        }
        if (request.webhook() != null) {
            validateWebhookUrl(request.webhook().url(), request.webhook().allowHttpLoopback());
        }
        if (request.mask() != null) {
            if (request.operation() != ImageOperation.EDIT) {
                throw new PixazoValidationException("mask", request.mask().source(),
                        "a mask applies to the edit operation only; remove it or use pixazo:edit.");
            }
            validateMask(request.mask(), null);
        }
        gateway.requireSupported(request);
        return warnings;
    }

    /**
     * Checks the message-dependent part: the prompt ({@link PromptRules}, with the gateway's {@link PromptLimit}), the
     * input images and the mask.
     */
    public void validateInputs(ImageRequest request) {
        validatePrompt(request);
        if (request.operation() == ImageOperation.EDIT) {
            if (request.images().isEmpty()) {
                throw new PixazoValidationException("image", null,
                        "edit needs at least one input image in the message body.");
            }
            int maxImages = gateway.maxInputImages(request.model());
            if (request.images().size() > maxImages) {
                throw new PixazoValidationException("image", request.images().size() + " images", "one edit combines"
                        + " at most " + maxImages + " input images; send fewer (split the list).");
            }
            for (ImageInput image : request.images()) {
                validateImage("image", image);
            }
            if (request.mask() != null) {
                validateMask(request.mask(), request.images().get(0));
            }
        }
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
        boolean localTest = allowHttpLoopback && UrlHost.isLoopback(uri.getHost());
        if (scheme.equals("http") && !localTest) {
            throw new PixazoValidationException("webhookUrl", url, "the gateway only calls https webhooks"
                    + (allowHttpLoopback ? "; plain http is allowed for loopback hosts only."
                            : "; for local tests set webhookAllowHttpLoopback=true to allow http to localhost."));
        }
        UrlHost.Reach reach = UrlHost.classify(uri.getHost());
        if (reach != UrlHost.Reach.PUBLIC && !localTest) {
            throw new PixazoValidationException("webhookUrl", url, "the gateway calls the webhook from the internet"
                    + " and cannot reach " + uri.getHost() + " (" + reach.description() + "); give a public https URL"
                    + (reach == UrlHost.Reach.LOOPBACK ? ", or for local tests set webhookAllowHttpLoopback=true." : "."));
        }
    }

    /** The user info of a URL someone else fetches would hand them the credentials. */
    private static final String USER_INFO = "contains user info (user:password@): the gateway would receive the"
            + " credentials and keep them in its logs; use a URL that needs none (a signed URL), or send the image's"
            + " bytes.";

    private static void validateSize(ImageModel model, ImageSize size, Object given) {
        if (size.isAuto()) {
            return;
        }
        if (model == ImageModel.GPT_IMAGE_1_5) {
            if (!GPT_IMAGE_1_5_SIZES.contains(size)) {
                throw new PixazoValidationException("size", given,
                        "gpt-image-1.5 supports only 1024x1024, 1536x1024, 1024x1536 and auto.");
            }
            return;
        }
        if (GPT_IMAGE_2_PRESETS.contains(size)) {
            return;
        }
        String allowed = " Allowed: auto, the presets 1024x1024, 1024x1536, 1536x1024, 2048x2048, 2048x1152, "
                         + "2160x3840, 3840x2160, or a custom WIDTHxHEIGHT with both sides multiples of 16, "
                         + "655,360 to 8,294,400 pixels, longest edge at most 3840 and aspect ratio at most 3:1.";
        if (size.width() % SIZE_STEP != 0 || size.height() % SIZE_STEP != 0) {
            throw new PixazoValidationException("size", given, "both sides must be multiples of 16." + allowed);
        }
        if (size.pixels() < MIN_PIXELS || size.pixels() > MAX_PIXELS) {
            throw new PixazoValidationException("size", given,
                    "has " + size.pixels() + " pixels, outside 655,360 to 8,294,400." + allowed);
        }
        if (Math.max(size.width(), size.height()) > MAX_EDGE) {
            throw new PixazoValidationException("size", given, "the longest edge must be at most 3840." + allowed);
        }
        double ratio = (double) Math.max(size.width(), size.height()) / Math.min(size.width(), size.height());
        if (ratio > MAX_ASPECT_RATIO) {
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
    private static void validateMask(ImageInput mask, ImageInput firstImage) {
        if (mask.isRemote()) {
            validateImage("mask", mask);
            return;
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

    private static ImageSize size(int width, int height) {
        return new ImageSize(width, height);
    }
}
