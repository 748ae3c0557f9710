package io.github.camelpixazo.producer;

import java.util.List;
import java.util.Map;

import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.request.GatewayCapabilities;
import io.github.camelpixazo.request.ImageBackground;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageSize;
import io.github.camelpixazo.request.Moderation;
import io.github.camelpixazo.request.OptionValue;
import io.github.camelpixazo.request.OutputFormat;
import io.github.camelpixazo.request.ResultDelivery;
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
    private final Map<String, String> given;
    private final GatewayCapabilities gateway;

    /**
     * @param given   the text written in the endpoint URI for typed options (e.g. {@code n}), quoted by messages
     * @param gateway what the gateway accepts: the prompt limit bounds how much of a body is read
     */
    public ImageRequestFactory(PixazoConfiguration config, ImageOperation operation, ImageInput endpointMask,
                               Map<String, String> given, GatewayCapabilities gateway) {
        this.config = config;
        this.operation = operation;
        this.endpointMask = endpointMask;
        this.given = Map.copyOf(given);
        this.gateway = gateway;
    }

    /** The endpoint's options alone (no message): what start-up validation checks. */
    public ImageRequest fromEndpoint() {
        return builder(null).prompt(config.getPrompt()).given("prompt", config.getPrompt()).mask(endpointMask).build();
    }

    /** The request for one message. */
    public ImageRequest fromExchange(Exchange exchange) {
        Message message = exchange.getMessage();
        ImageRequest.Builder builder = builder(message);
        // read no more of a body than the longest prompt the model accepts can take
        int maxCharacters = gateway.promptLimit(builder.model()).maxCharacters();
        String prompt = MessageText.read(exchange, "prompt", "header " + PixazoConstants.PROMPT,
                message.getHeader(PixazoConstants.PROMPT), maxCharacters);
        if (prompt == null) {
            prompt = config.getPrompt();
        }
        if (operation == ImageOperation.GENERATE) {
            if (prompt == null) {
                prompt = MessageText.read(exchange, "prompt", "the message body", message.getBody(), maxCharacters);
            }
        } else {
            builder.images(ImageInputReader.fromBody(exchange));
        }
        builder.prompt(prompt != null ? prompt.strip() : null).given("prompt", prompt);
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
                .format(OptionValue.parse(OutputFormat.class, "format", pick(message, PixazoConstants.FORMAT, config.getFormat())))
                .outputCompression(integer(message, PixazoConstants.OUTPUT_COMPRESSION, "outputCompression",
                        config.getOutputCompression()))
                .background(OptionValue.parse(ImageBackground.class, "background",
                        pick(message, PixazoConstants.BACKGROUND, config.getBackground())))
                .moderation(OptionValue.parse(Moderation.class, "moderation",
                        pick(message, PixazoConstants.MODERATION, config.getModeration())))
                .images(List.of());
        // what the user wrote, for messages: the header, else the URI's text, else the configured value
        builder.given("model", pick(message, PixazoConstants.MODEL, config.getModel()))
                .given("n", pick(message, PixazoConstants.N, written("n", config.getN())))
                .given("size", pick(message, PixazoConstants.SIZE, config.getSize()))
                .given("outputCompression", pick(message, PixazoConstants.OUTPUT_COMPRESSION,
                        written("outputCompression", config.getOutputCompression())))
                .given("background", pick(message, PixazoConstants.BACKGROUND, config.getBackground()))
                .given("moderation", pick(message, PixazoConstants.MODERATION, config.getModeration()));
        builder.resultDelivery(OptionValue.parse(ResultDelivery.class, "resultDelivery", config.getResultDelivery()))
                .synchronous(config.isSynchronous());
        if (config.getWebhookUrl() != null && !config.getWebhookUrl().isBlank()) {
            WebhookMode mode = OptionValue.parse(WebhookMode.class, "webhookMode", config.getWebhookMode());
            builder.webhook(new Webhook(config.getWebhookUrl().trim(), mode, config.isWebhookAllowHttpLoopback()));
        }
        return builder;
    }

    /** The text the endpoint URI gave for an option, else its configured value. */
    private Object written(String option, Object configured) {
        String text = given.get(option);
        return text != null ? text : configured;
    }

    /**
     * The header's value, else the configured one. A blank header is refused rather than read as "not set": that
     * would silently drop the endpoint's option (often a simple expression that found nothing).
     */
    private static Object pick(Message message, String header, Object configured) {
        Object value = message != null ? message.getHeader(header) : null;
        if (value instanceof CharSequence text && text.toString().isBlank()) {
            throw new PixazoValidationException(optionOf(header), text, "the header " + header + " is blank: give it"
                    + " a value, or remove it to use the endpoint's option.");
        }
        return value != null ? value : configured;
    }

    /** CamelPixazoOutputCompression: outputCompression. */
    private static String optionOf(String header) {
        String name = header.substring("CamelPixazo".length());
        return name.length() == 1 ? name.toLowerCase(java.util.Locale.ROOT)
                : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Integer integer(Message message, String header, String option, Integer configured) {
        Object value = pick(message, header, configured);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            // a whole number in int range only: intValue() would wrap 2^40 to 0 and truncate 2.5 to 2
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return number.intValue();
            }
            throw new PixazoValidationException(option, value, "must be a whole number (header " + header + ").");
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new PixazoValidationException(option, value, "must be a whole number (header " + header + ").");
        }
    }
}
