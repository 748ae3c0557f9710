package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.sandbox.image.EditPreview;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import io.github.camelpixazo.sandbox.image.ImageSniffer.PixelSize;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's documented parameter rules for GPT Image 2 text-to-image and image edits. */
final class GptImage2RequestValidator {

    private static final List<String> TEXT_TO_IMAGE_FIELDS = List.of(
            "prompt", "n", "size", "quality", "format", "output_compression", "background", "moderation");
    private static final List<String> EDIT_FIELDS = withEditFields();
    private static final List<String> PRESET_SIZES = List.of(
            "1024x1024", "1024x1536", "1536x1024", "2048x2048", "2048x1152", "2160x3840", "3840x2160", "auto");
    private static final List<String> QUALITIES = List.of("low", "medium", "high", "auto");
    private static final List<String> FORMATS = List.of("png", "jpeg", "webp");
    private static final List<String> BACKGROUNDS = List.of("opaque", "auto");
    private static final List<String> MODERATIONS = List.of("auto", "low");
    private static final Pattern CUSTOM_SIZE = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");
    private static final int MIN_PIXELS = 655_360;
    private static final int MAX_PIXELS = 8_294_400;
    private static final int MAX_EDGE = 3840;
    private static final int MAX_ASPECT_RATIO = 3;
    private static final String SIZE_RULES = String.join(", ", PRESET_SIZES)
            + ", or a custom WxH (both sides multiples of 16, " + MIN_PIXELS + " to " + MAX_PIXELS
            + " pixels in total, longest edge at most " + MAX_EDGE + ", aspect ratio at most 3:1)";

    private GptImage2RequestValidator() {
    }

    static GenerationRequest validateTextToImage(ObjectNode body) {
        return validate(RequestFields.of(body, Model.GPT_IMAGE_2.id(), TEXT_TO_IMAGE_FIELDS), false);
    }

    static GenerationRequest validateEdit(ObjectNode body) {
        return validate(RequestFields.of(body, Model.GPT_IMAGE_2.id(), EDIT_FIELDS), true);
    }

    private static GenerationRequest validate(RequestFields fields, boolean edit) {
        String prompt = fields.requiredNonBlankString("prompt");
        EditPreview preview = edit ? EditInputValidator.validate(fields) : null;
        int n = fields.optionalInt("n", 1, 10).orElse(1);
        PixelSize size = size(fields.optionalString("size").orElse("auto"));
        fields.oneOf("quality", QUALITIES, "auto");
        ImageFormat format = ImageFormat.fromWireName(fields.oneOf("format", FORMATS, "png")).orElseThrow();
        Integer compression = fields.optionalInt("output_compression", 0, 100).orElse(null);
        if ("transparent".equals(fields.optionalString("background").orElse(null))) {
            throw ApiException.badRequest("Invalid value 'transparent' for field 'background': transparent is not "
                    + "supported by gpt-image-2; allowed: " + String.join(", ", BACKGROUNDS));
        }
        fields.oneOf("background", BACKGROUNDS, "auto");
        fields.oneOf("moderation", MODERATIONS, "auto");
        return new GenerationRequest(prompt, n, size.width(), size.height(), format, compression, false, preview);
    }

    /** A preset, "auto" (rendered as 1024x1024) or a custom size within OpenAI's published limits. */
    static PixelSize size(String value) {
        if ("auto".equals(value)) {
            return new PixelSize(1024, 1024);
        }
        Matcher m = CUSTOM_SIZE.matcher(value);
        if (!m.matches()) {
            throw invalidSize(value, "not a size");
        }
        PixelSize size = new PixelSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (PRESET_SIZES.contains(value)) {
            return size;
        }
        int w = size.width();
        int h = size.height();
        if (w % 16 != 0 || h % 16 != 0) {
            throw invalidSize(value, "width and height must be multiples of 16");
        }
        if (Math.max(w, h) > MAX_EDGE) {
            throw invalidSize(value, "the longest edge must be at most " + MAX_EDGE);
        }
        if (Math.max(w, h) > MAX_ASPECT_RATIO * Math.min(w, h)) {
            throw invalidSize(value, "the aspect ratio must be at most 3:1");
        }
        long pixels = (long) w * h;
        if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
            throw invalidSize(value, pixels + " pixels is outside " + MIN_PIXELS + " to " + MAX_PIXELS);
        }
        return size;
    }

    private static ApiException invalidSize(String value, String reason) {
        return ApiException.badRequest("Invalid value '" + value + "' for field 'size': " + reason
                + "; allowed: " + SIZE_RULES);
    }

    private static List<String> withEditFields() {
        List<String> fields = new ArrayList<>(List.of("prompt", "image", "mask"));
        fields.addAll(TEXT_TO_IMAGE_FIELDS.subList(1, TEXT_TO_IMAGE_FIELDS.size()));
        return List.copyOf(fields);
    }
}
