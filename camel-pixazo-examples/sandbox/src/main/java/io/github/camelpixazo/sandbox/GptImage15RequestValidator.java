package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import io.github.camelpixazo.sandbox.image.ImageSniffer.PixelSize;
import java.util.List;

/**
 * The gateway's documented parameter rules for GPT Image 1.5, whose field names differ from GPT Image 2
 * ({@code image_size}, {@code num_images}, {@code output_format}; no {@code output_compression}).
 */
final class GptImage15RequestValidator {

    private static final List<String> FIELDS = List.of(
            "prompt", "image_size", "quality", "background", "num_images", "output_format");
    private static final List<String> SIZES = List.of("1024x1024", "1536x1024", "1024x1536", "auto");
    private static final List<String> QUALITIES = List.of("low", "medium", "high", "auto");
    private static final List<String> BACKGROUNDS = List.of("transparent", "opaque", "auto");
    private static final List<String> FORMATS = List.of("png", "jpeg", "webp");

    private GptImage15RequestValidator() {
    }

    static GenerationRequest validate(ObjectNode body) {
        RequestFields fields = RequestFields.of(body, Model.GPT_IMAGE_1_5.id(), FIELDS);
        String prompt = fields.requiredNonBlankString("prompt");
        String sizeValue = fields.oneOf("image_size", SIZES, "1024x1024");
        PixelSize size = "auto".equals(sizeValue) ? new PixelSize(1024, 1024) : GptImage2RequestValidator.size(sizeValue);
        fields.oneOf("quality", QUALITIES, "auto");
        String background = fields.oneOf("background", BACKGROUNDS, "auto");
        int count = fields.optionalInt("num_images", 1, 10).orElse(1);
        ImageFormat format = ImageFormat.fromWireName(fields.oneOf("output_format", FORMATS, "png")).orElseThrow();
        boolean transparent = "transparent".equals(background);
        if (transparent && format == ImageFormat.JPEG) {
            throw ApiException.badRequest("Invalid value 'transparent' for field 'background': a transparent "
                    + "background requires output_format png or webp, got 'jpeg'");
        }
        return new GenerationRequest(prompt, count, size.width(), size.height(), format, null, transparent);
    }
}
