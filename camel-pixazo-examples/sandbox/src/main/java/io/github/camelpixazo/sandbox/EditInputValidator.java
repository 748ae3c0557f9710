package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.image.EditPreview;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import io.github.camelpixazo.sandbox.image.RasterImage;
import io.github.camelpixazo.sandbox.image.Thumbnails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code image} and {@code mask} rules of the GPT Image 2 edit endpoint, and what the edit's result shows of them
 * (see {@link EditPreview}).
 */
final class EditInputValidator {

    private EditInputValidator() {
    }

    /** @return the previews of the first input image and the mask, for the result picture */
    static EditPreview validate(RequestFields fields) {
        List<InputImage> images = images(fields);
        InputImage first = images.get(0);
        RasterImage input = null;
        String inputNote = null;
        if (!first.isDataUri()) {
            inputNote = "input is an https URL (the sandbox does not fetch it)";
        } else {
            input = Thumbnails.decode(first.bytes(), EditPreview.PREVIEW_EDGE).orElse(null);
            inputNote = input == null ? "input is " + first.format().name() + " (the sandbox cannot decode it)" : null;
        }
        Optional<String> maskValue = fields.optionalString("mask");
        if (maskValue.isEmpty()) {
            return new EditPreview(input, inputNote, null, "no mask: the whole image may change");
        }
        InputImage mask = InputImage.parse("mask", maskValue.get());
        if (!mask.isDataUri()) {
            // an https mask cannot be checked without fetching it
            return new EditPreview(input, inputNote, null, "mask is an https URL (the sandbox does not fetch it)");
        }
        if (mask.format() != ImageFormat.PNG) {
            throw ApiException.badRequest("Field 'mask' must be a PNG image, got " + mask.format().name());
        }
        // the gateway applies the mask to the first input image only
        if (first.isDataUri() && !first.size().equals(mask.size())) {
            throw ApiException.badRequest("Field 'mask' is " + mask.size() + " but '" + first.field() + "' is "
                    + first.size() + "; the mask must have the same dimensions as the first input image");
        }
        RasterImage maskPreview = Thumbnails.decode(mask.bytes(), EditPreview.PREVIEW_EDGE).orElse(null);
        return new EditPreview(input, inputNote, maskPreview, maskPreview == null ? "mask cannot be decoded" : null);
    }

    private static List<InputImage> images(RequestFields fields) {
        JsonNode node = fields.raw("image");
        if (node == null) {
            throw ApiException.badRequest("Field 'image' is required for image-to-image-edit");
        }
        List<InputImage> images = new ArrayList<>();
        if (node.isTextual()) {
            images.add(InputImage.parse("image", node.textValue()));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                throw ApiException.badRequest("Field 'image' must not be an empty array");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String name = "image[" + i + "]";
                if (!element.isTextual()) {
                    throw RequestFields.wrongType(name, "a string", element);
                }
                images.add(InputImage.parse(name, element.textValue()));
            }
        } else {
            throw RequestFields.wrongType("image", "a string or an array of strings", node);
        }
        return images;
    }
}
