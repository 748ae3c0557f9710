package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The three submit endpoints, as {@code POST /<model_id>/v1/<operation>} below the base path. */
enum SubmitOperation {
    GPT_IMAGE_2_TEXT_TO_IMAGE(Model.GPT_IMAGE_2, "text-to-image"),
    GPT_IMAGE_2_EDIT(Model.GPT_IMAGE_2, "image-to-image-edit"),
    GPT_IMAGE_1_5_GENERATE(Model.GPT_IMAGE_1_5, "gpt-image-1-5-api-request");

    private final Model model;
    private final String operation;

    SubmitOperation(Model model, String operation) {
        this.model = model;
        this.operation = operation;
    }

    Model model() {
        return model;
    }

    String path() {
        return "/" + model.id() + "/v1/" + operation;
    }

    GenerationRequest validate(ObjectNode body) {
        return switch (this) {
            case GPT_IMAGE_2_TEXT_TO_IMAGE -> GptImage2RequestValidator.validateTextToImage(body);
            case GPT_IMAGE_2_EDIT -> GptImage2RequestValidator.validateEdit(body);
            case GPT_IMAGE_1_5_GENERATE -> GptImage15RequestValidator.validate(body);
        };
    }

    static Optional<SubmitOperation> forPath(String path) {
        for (SubmitOperation op : values()) {
            if (op.path().equals(path)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
