package io.github.camelpixazo.request;

import io.github.camelpixazo.error.PixazoValidationException;

/**
 * What one gateway documents for each model, beyond the models' own rules: the same model can accept an option on
 * one gateway and not on another (Pixazo documents no edit, moderation or output compression for gpt-image-1.5;
 * EvoLink takes one image per job and reference images only as URLs). The request layer sees a gateway only through
 * this interface, so it never names a wire field.
 */
public interface GatewayCapabilities {

    /** The gateway's name, for messages: "Pixazo", "Pixapi", "EvoLink". */
    String name();

    /** What the gateway documents for the model (see {@link ModelSupport}). */
    ModelSupport support(ImageModel model);

    /**
     * Rules of this gateway that a {@link ModelSupport} table cannot express; none by default.
     *
     * @throws PixazoValidationException naming the option at fault
     */
    default void requireSupported(ImageRequest request) {
    }

    /**
     * The longest prompt this gateway accepts for a model. One place per gateway, because gateways document different
     * limits for the same model (EvoLink: 2000 tokens for gpt-image-1.5, 32,000 characters for gpt-image-2).
     */
    default PromptLimit promptLimit(ImageModel model) {
        return support(model).promptLimit();
    }

    /** The most input images one edit may combine with this gateway and model. */
    default int maxInputImages(ImageModel model) {
        return support(model).maxInputImages();
    }
}
