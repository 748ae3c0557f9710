package io.github.camelpixazo.sandbox;

import io.github.camelpixazo.sandbox.image.ImageFormat;
import java.util.Optional;

/** The models the gateway serves, by the {@code model_id} used in request ids and status responses. */
enum Model {
    GPT_IMAGE_2("gpt-image-2", "gpt-image-2"),
    GPT_IMAGE_1_5("gpt-image-1-5-api-923", "gpt-image-1.5");

    private final String id;
    private final String publicName;

    Model(String id, String publicName) {
        this.id = id;
        this.publicName = publicName;
    }

    /** Pixazo's model id (in paths and request ids). */
    String id() {
        return id;
    }

    /** The model's name as Pixapi and EvoLink take it in their {@code model} field. */
    String publicName() {
        return publicName;
    }

    /** By the public name (Pixapi, EvoLink). */
    static Optional<Model> byPublicName(String name) {
        for (Model model : values()) {
            if (model.publicName.equals(name)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code output.media_type} of a completed job. GPT Image 1.5 reports
     * {@code application/octet-stream} whatever the format (as in the reference), so clients must sniff bytes.
     */
    String mediaType(ImageFormat format) {
        return this == GPT_IMAGE_1_5 ? "application/octet-stream" : format.mimeType();
    }

    static Optional<Model> byId(String id) {
        for (Model model : values()) {
            if (model.id.equals(id)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** The model a request id belongs to: ids are {@code <model_id>_<uuid>}. */
    static Optional<Model> ofRequestId(String requestId) {
        int separator = requestId.lastIndexOf('_');
        return separator < 0 ? Optional.empty() : byId(requestId.substring(0, separator));
    }
}
