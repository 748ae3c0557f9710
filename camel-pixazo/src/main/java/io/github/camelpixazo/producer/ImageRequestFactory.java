package io.github.camelpixazo.producer;

import java.util.List;

import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.request.ImageBackground;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageSize;
import io.github.camelpixazo.request.Moderation;
import io.github.camelpixazo.request.OptionValue;
import io.github.camelpixazo.request.Webhook;
import io.github.camelpixazo.request.WebhookMode;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Resolves an endpoint's options and a message's headers and body into an {@link ImageRequest}: a header wins over
 * the endpoint, which already holds the component's defaults. Parsing errors name the option.
 */
public final class ImageRequestFactory {

    private final PixazoConfiguration config;
    private final ImageOperation operation;
    private final ImageInput endpointMask;

    public ImageRequestFactory(PixazoConfiguration config, ImageOperation operation, ImageInput endpointMask) {
        this.config = config;
        this.operation = operation;
        this.endpointMask = endpointMask;
    }

    /** The endpoint's options alone (no message): what start-up validation checks. */
    public ImageRequest fromEndpoint() {
        return builder(null).prompt(config.getPrompt()).mask(endpointMask).build();
    }

    /** The request for one message. */
    public ImageRequest fromExchange(Exchange exchange) {
        Message message = exchange.getMessage();
        ImageRequest.Builder builder = builder(message);
        String prompt = message.getHeader(PixazoConstants.PROMPT, String.class);
        if (prompt == null) {
            prompt = config.getPrompt();
        }
        if (operation == ImageOperation.GENERATE) {
            if (prompt == null) {
                prompt = message.getBody(String.class);
            }
        } else {
            builder.images(ImageInputReader.fromBody(exchange));
        }
        builder.prompt(prompt != null ? prompt.strip() : null);
        Object maskHeader = message.getHeader(PixazoConstants.MASK);
        builder.mask(maskHeader != null
                ? ImageInputReader.read(exchange, "mask", "header " + PixazoConstants.MASK, maskHeader) : endpointMask);
        return builder.build();
    }

    private ImageRequest.Builder builder(Message message) {
        ImageModel model = OptionValue.parse(ImageModel.class, "model", pick(message, PixazoConstants.MODEL, config.getModel()));
        if (model == null) {
            model = ImageModel.GPT_IMAGE_2;
        }
        ImageRequest.Builder builder = ImageRequest.builder(operation, model)
                .n(integer(message, PixazoConstants.N, "n", config.getN()))
                .size(ImageSize.parse("size", pick(message, PixazoConstants.SIZE, config.getSize())))
                .quality(OptionValue.parse(ImageQuality.class, "quality", pick(message, PixazoConstants.QUALITY, config.getQuality())))
                .format(OptionValue.parse(ImageFormat.class, "format", pick(message, PixazoConstants.FORMAT, config.getFormat())))
                .outputCompression(integer(message, PixazoConstants.OUTPUT_COMPRESSION, "outputCompression",
                        config.getOutputCompression()))
                .background(OptionValue.parse(ImageBackground.class, "background",
                        pick(message, PixazoConstants.BACKGROUND, config.getBackground())))
                .moderation(OptionValue.parse(Moderation.class, "moderation",
                        pick(message, PixazoConstants.MODERATION, config.getModeration())))
                .images(List.of());
        if (config.getWebhookUrl() != null && !config.getWebhookUrl().isBlank()) {
            WebhookMode mode = OptionValue.parse(WebhookMode.class, "webhookMode", config.getWebhookMode());
            builder.webhook(new Webhook(config.getWebhookUrl().trim(), mode, config.isWebhookAllowHttpLoopback()));
        }
        return builder;
    }

    private static Object pick(Message message, String header, Object configured) {
        Object value = message != null ? message.getHeader(header) : null;
        return value != null ? value : configured;
    }

    private static Integer integer(Message message, String header, String option, Integer configured) {
        Object value = pick(message, header, configured);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new PixazoValidationException(option, value, "must be a whole number (header " + header + ").");
        }
    }
}
