package io.github.camelpixazo.gateway;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.request.ImageBackground;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageRequestValidator;
import io.github.camelpixazo.request.ImageSize;
import io.github.camelpixazo.request.Moderation;
import io.github.camelpixazo.request.OutputFormat;
import io.github.camelpixazo.request.ResultDelivery;
import io.github.camelpixazo.request.Webhook;
import io.github.camelpixazo.request.WebhookMode;
import io.github.camelpixazo.support.TestImages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelpixazo.request.ImageModel.GPT_IMAGE_1_5;
import static io.github.camelpixazo.request.ImageModel.GPT_IMAGE_2;
import static io.github.camelpixazo.request.ImageOperation.EDIT;
import static io.github.camelpixazo.request.ImageOperation.GENERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each gateway accepts, model by model, as one table: every row is a request that one gateway must accept or
 * refuse before anything is sent, naming the option, the value and the gateway. The rows come from the reference
 * files (and gateway-facts.md where they are silent); removing a rule from a gateway's {@code ModelSupport} makes its
 * row fail.
 */
class ValidationMatrixTest {

    private static final ImageInput LOCAL = ImageInput.ofBytes("body", TestImages.png(64, 48));
    private static final ImageInput REMOTE = ImageInput.ofUrl("body", "https://images.example.com/a.png");
    private static final ImageInput MASK = ImageInput.ofBytes("mask", TestImages.png(64, 48));

    /** gateway, model, operation, what the row sets, the option refused (null: accepted). */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // --- Pixazo (pixazo-gpt-image-api.txt)
                row("pixazo", GPT_IMAGE_2, GENERATE, "everything documented", r -> r.n(10).size(new ImageSize(1280, 720))
                        .quality(ImageQuality.HIGH).format(OutputFormat.WEBP).outputCompression(80)
                        .background(ImageBackground.OPAQUE).moderation(Moderation.LOW)
                        .webhook(new Webhook("https://hooks.example.com/h", WebhookMode.SYNC, false)), null),
                row("pixazo", GPT_IMAGE_2, EDIT, "local and remote images and a mask", r -> r.images(List.of(LOCAL, REMOTE))
                        .mask(MASK), null),
                row("pixazo", GPT_IMAGE_2, GENERATE, "n=11", r -> r.n(11), "n"),
                row("pixazo", GPT_IMAGE_2, GENERATE, "an aspect ratio", r -> r.size(ImageSize.ratio(3, 2)), "size"),
                row("pixazo", GPT_IMAGE_2, GENERATE, "transparent", r -> r.background(ImageBackground.TRANSPARENT),
                        "background"),
                row("pixazo", GPT_IMAGE_2, GENERATE, "synchronous", r -> r.synchronous(true), "synchronous"),
                row("pixazo", GPT_IMAGE_2, GENERATE, "inline results", r -> r.resultDelivery(ResultDelivery.INLINE),
                        "resultDelivery"),
                row("pixazo", GPT_IMAGE_1_5, GENERATE, "transparent png, n=10", r -> r.n(10)
                        .background(ImageBackground.TRANSPARENT).format(OutputFormat.PNG), null),
                row("pixazo", GPT_IMAGE_1_5, EDIT, "an edit", r -> r.images(List.of(LOCAL)), "model"),
                row("pixazo", GPT_IMAGE_1_5, GENERATE, "moderation", r -> r.moderation(Moderation.LOW), "moderation"),
                row("pixazo", GPT_IMAGE_1_5, GENERATE, "outputCompression", r -> r.format(OutputFormat.JPEG)
                        .outputCompression(50), "outputCompression"),
                row("pixazo", GPT_IMAGE_1_5, GENERATE, "a custom size", r -> r.size(new ImageSize(1280, 720)), "size"),
                // --- Pixapi (pixapi-gpt-image-api.txt; OpenAI's field set assumed, gateway-facts.md)
                row("pixapi", GPT_IMAGE_2, GENERATE, "everything it takes", r -> r.n(10).size(new ImageSize(1280, 720))
                        .quality(ImageQuality.AUTO).format(OutputFormat.JPEG).outputCompression(60)
                        .background(ImageBackground.AUTO).moderation(Moderation.AUTO)
                        .resultDelivery(ResultDelivery.INLINE).synchronous(true), null),
                row("pixapi", GPT_IMAGE_1_5, EDIT, "a gpt-image-1.5 edit with a mask", r -> r.images(List.of(LOCAL))
                        .mask(MASK).background(ImageBackground.TRANSPARENT), null),
                row("pixapi", GPT_IMAGE_2, EDIT, "an image URL", r -> r.images(List.of(REMOTE)), "image"),
                row("pixapi", GPT_IMAGE_2, GENERATE, "a webhook", r -> r.webhook(new Webhook(
                        "https://hooks.example.com/h", WebhookMode.TERMINAL, false)), "webhookUrl"),
                row("pixapi", GPT_IMAGE_1_5, GENERATE, "a custom size", r -> r.size(new ImageSize(1280, 720)), "size"),
                row("pixapi", GPT_IMAGE_2, GENERATE, "an aspect ratio", r -> r.size(ImageSize.ratio(1, 1)), "size"),
                row("pixapi", GPT_IMAGE_2, GENERATE, "transparent", r -> r.background(ImageBackground.TRANSPARENT),
                        "background"),
                // --- EvoLink (evolink-gpt-image-1.5-api.txt; gpt-image-2 from gateway-facts.md)
                row("evolink", GPT_IMAGE_1_5, GENERATE, "what it documents", r -> r.n(1).size(ImageSize.ratio(2, 3))
                        .quality(ImageQuality.MEDIUM).webhook(new Webhook("https://hooks.example.com/cb",
                                WebhookMode.TERMINAL, false)), null),
                row("evolink", GPT_IMAGE_1_5, EDIT, "16 image URLs", r -> r.images(java.util.Collections.nCopies(16,
                        REMOTE)), null),
                row("evolink", GPT_IMAGE_2, EDIT, "image URLs", r -> r.images(List.of(REMOTE, REMOTE)), null),
                row("evolink", GPT_IMAGE_1_5, EDIT, "17 image URLs", r -> r.images(java.util.Collections.nCopies(17,
                        REMOTE)), "image"),
                row("evolink", GPT_IMAGE_1_5, EDIT, "local bytes", r -> r.images(List.of(LOCAL)), "image"),
                row("evolink", GPT_IMAGE_2, EDIT, "a mask", r -> r.images(List.of(REMOTE)).mask(MASK), "mask"),
                row("evolink", GPT_IMAGE_1_5, GENERATE, "n=2", r -> r.n(2), "n"),
                row("evolink", GPT_IMAGE_2, GENERATE, "n=2", r -> r.n(2), "n"),
                row("evolink", GPT_IMAGE_1_5, GENERATE, "size auto", r -> r.size(ImageSize.AUTO), "size"),
                row("evolink", GPT_IMAGE_1_5, GENERATE, "a 2K size", r -> r.size(new ImageSize(2048, 2048)), "size"),
                row("evolink", GPT_IMAGE_1_5, GENERATE, "quality auto", r -> r.quality(ImageQuality.AUTO), "quality"),
                row("evolink", GPT_IMAGE_2, GENERATE, "format", r -> r.format(OutputFormat.PNG), "format"),
                row("evolink", GPT_IMAGE_2, GENERATE, "background", r -> r.background(ImageBackground.OPAQUE),
                        "background"),
                row("evolink", GPT_IMAGE_2, GENERATE, "moderation", r -> r.moderation(Moderation.LOW), "moderation"),
                row("evolink", GPT_IMAGE_2, GENERATE, "outputCompression", r -> r.outputCompression(50),
                        "outputCompression"),
                row("evolink", GPT_IMAGE_2, GENERATE, "synchronous", r -> r.synchronous(true), "synchronous"),
                row("evolink", GPT_IMAGE_2, GENERATE, "sync webhook mode", r -> r.webhook(new Webhook(
                        "https://hooks.example.com/h", WebhookMode.SYNC, false)), "webhookMode"),
                row("evolink", GPT_IMAGE_2, GENERATE, "a private callback", r -> r.webhook(new Webhook(
                        "https://192.168.1.10/h", WebhookMode.TERMINAL, false)), "webhookUrl"),
                row("evolink", GPT_IMAGE_2, GENERATE, "a loopback callback with the test switch", r -> r.webhook(
                        new Webhook("http://127.0.0.1:8080/h", WebhookMode.TERMINAL, true)), null),
                row("evolink", GPT_IMAGE_1_5, GENERATE, "a prompt of 2,000 bytes", r -> r.prompt("a".repeat(2000)), null),
                row("evolink", GPT_IMAGE_1_5, GENERATE, "a prompt of 2,001 bytes", r -> r.prompt("a".repeat(2001)),
                        "prompt"),
                row("evolink", GPT_IMAGE_2, GENERATE, "a prompt of 32,000 characters", r -> r.prompt("a".repeat(32_000)),
                        null),
                row("evolink", GPT_IMAGE_2, GENERATE, "a prompt of 32,001 characters", r -> r.prompt("a".repeat(32_001)),
                        "prompt"));
    }

    private static Arguments row(String gateway, ImageModel model, ImageOperation operation, String what,
                                 UnaryOperator<ImageRequest.Builder> setup, String refused) {
        return Arguments.of(gateway, model, operation, what, setup, refused);
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3} -> {5}")
    @MethodSource("matrix")
    void eachGatewayAcceptsWhatItDocumentsAndRefusesTheRest(String gatewayId, ImageModel model,
                                                           ImageOperation operation, String what,
                                                           UnaryOperator<ImageRequest.Builder> setup, String refused) {
        ImageGateway gateway = Gateways.byId(gatewayId);
        ImageRequest request = setup.apply(ImageRequest.builder(operation, model).prompt("A test prompt")).build();
        ImageRequestValidator validator = new ImageRequestValidator(gateway);

        if (refused == null) {
            validator.validate(request);
            return;
        }
        PixazoValidationException e = assertThrows(PixazoValidationException.class, () -> validator.validate(request),
                what + " must be refused on " + gatewayId);
        assertEquals(refused, e.getOption(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid option '" + refused + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(gateway.name()), "the message names the gateway: " + e.getMessage());
    }
}
