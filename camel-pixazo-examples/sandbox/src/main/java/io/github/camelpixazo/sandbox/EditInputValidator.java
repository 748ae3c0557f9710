package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code image} and {@code mask} rules of the GPT Image 2 edit endpoint. */
final class EditInputValidator {

    private EditInputValidator() {
    }

    static void validate(RequestFields fields) {
        List<InputImage> images = images(fields);
        Optional<String> maskValue = fields.optionalString("mask");
        if (maskValue.isEmpty()) {
            return;
        }
        InputImage mask = InputImage.parse("mask", maskValue.get());
        if (!mask.isDataUri()) {
            return; // an https mask cannot be checked without fetching it
        }
        if (mask.format() != ImageFormat.PNG) {
            throw ApiException.badRequest("Field 'mask' must be a PNG image, got " + mask.format().name());
        }
        InputImage first = images.get(0);
        // the gateway applies the mask to the first input image only
        if (first.isDataUri() && !first.size().equals(mask.size())) {
            throw ApiException.badRequest("Field 'mask' is " + mask.size() + " but '" + first.field() + "' is "
                    + first.size() + "; the mask must have the same dimensions as the first input image");
        }
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
