package io.github.camelpixazo.request;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One image job in the user's vocabulary, every option resolved (header over endpoint over component). A null field
 * means "not set": gateways send only what is set, so the gateway's documented default applies. {@code given} keeps
 * what the user wrote for each option (a header's value, an endpoint URI's text), so that messages quote it rather
 * than the parsed value ({@code '1000 X 1000'}, not {@code '1000x1000'}).
 *
 * @param resultDelivery how the images come back (null: the gateway's default)
 * @param synchronous    use the gateway's synchronous endpoints (one long HTTP exchange) where it has them
 */
public record ImageRequest(
        ImageOperation operation,
        ImageModel model,
        String prompt,
        Integer n,
        ImageSize size,
        ImageQuality quality,
        OutputFormat format,
        Integer outputCompression,
        ImageBackground background,
        Moderation moderation,
        List<ImageInput> images,
        ImageInput mask,
        Webhook webhook,
        ResultDelivery resultDelivery,
        boolean synchronous,
        Map<String, Object> given) {

    public ImageRequest {
        images = images == null ? List.of() : List.copyOf(images);
        given = given == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(given));
    }

    /** What the user wrote for {@code option}, or {@code parsed} when nothing was recorded (e.g. set in Java). */
    public Object given(String option, Object parsed) {
        Object raw = given.get(option);
        return raw != null ? raw : parsed;
    }

    public static Builder builder(ImageOperation operation, ImageModel model) {
        return new Builder(operation, model);
    }

    /** The number of images the job makes (the gateways' default is 1). */
    public int imageCount() {
        return n != null ? n : 1;
    }

    /** The format the output will have (the gateways' default is png). */
    public OutputFormat effectiveFormat() {
        return format != null ? format : OutputFormat.PNG;
    }

    /** The same request with another webhook (the per-job URL a consumer makes), everything else unchanged. */
    public ImageRequest withWebhook(Webhook webhook) {
        return new ImageRequest(operation, model, prompt, n, size, quality, format, outputCompression, background,
                moderation, images, mask, webhook, resultDelivery, synchronous, given);
    }

    /** Never prints prompt or image data in full: requests end up in logs and exception messages. */
    @Override
    public String toString() {
        return "ImageRequest[" + operation + " " + model + ", n=" + n + ", size=" + size + ", quality=" + quality
               + ", format=" + format + ", images=" + images.size() + ", mask=" + (mask != null) + "]";
    }

    public static final class Builder {
        private final ImageOperation operation;
        private final ImageModel model;
        private String prompt;
        private Integer n;
        private ImageSize size;
        private ImageQuality quality;
        private OutputFormat format;
        private Integer outputCompression;
        private ImageBackground background;
        private Moderation moderation;
        private List<ImageInput> images = List.of();
        private ImageInput mask;
        private Webhook webhook;
        private ResultDelivery resultDelivery;
        private boolean synchronous;
        private final Map<String, Object> given = new HashMap<>();

        private Builder(ImageOperation operation, ImageModel model) {
            this.operation = operation;
            this.model = model;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder n(Integer n) {
            this.n = n;
            return this;
        }

        public Builder size(ImageSize size) {
            this.size = size;
            return this;
        }

        public Builder quality(ImageQuality quality) {
            this.quality = quality;
            return this;
        }

        public Builder format(OutputFormat format) {
            this.format = format;
            return this;
        }

        public Builder outputCompression(Integer outputCompression) {
            this.outputCompression = outputCompression;
            return this;
        }

        public Builder background(ImageBackground background) {
            this.background = background;
            return this;
        }

        public Builder moderation(Moderation moderation) {
            this.moderation = moderation;
            return this;
        }

        public Builder images(List<ImageInput> images) {
            this.images = images;
            return this;
        }

        public Builder mask(ImageInput mask) {
            this.mask = mask;
            return this;
        }

        public Builder webhook(Webhook webhook) {
            this.webhook = webhook;
            return this;
        }

        public Builder resultDelivery(ResultDelivery resultDelivery) {
            this.resultDelivery = resultDelivery;
            return this;
        }

        public Builder synchronous(boolean synchronous) {
            this.synchronous = synchronous;
            return this;
        }

        /** The model of the request being built. */
        public ImageModel model() {
            return model;
        }

        /** Records what the user wrote for an option (null: nothing), for messages. */
        public Builder given(String option, Object raw) {
            if (raw != null) {
                given.put(option, raw);
            }
            return this;
        }

        public ImageRequest build() {
            return new ImageRequest(operation, model, prompt, n, size, quality, format, outputCompression, background,
                    moderation, images, mask, webhook, resultDelivery, synchronous, given);
        }
    }
}
