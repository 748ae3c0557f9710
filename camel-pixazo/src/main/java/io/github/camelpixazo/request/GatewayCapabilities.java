package io.github.camelpixazo.request;

import io.github.camelpixazo.error.PixazoValidationException;

/**
 * What one gateway documents for each model, beyond the models' own rules: the same model can accept an option on
 * one gateway and not on another (Pixazo documents no edit, moderation or output_compression for gpt-image-1.5).
 */
public interface GatewayCapabilities {

    /**
     * @throws PixazoValidationException naming the first option this gateway cannot send for the request's model
     */
    void requireSupported(ImageRequest request);

    /**
     * The longest prompt this gateway accepts for a model. One place per gateway, because gateways document different
     * limits for the same model (EvoLink: 2000 tokens for gpt-image-1.5, 32,000 characters for gpt-image-2).
     */
    PromptLimit promptLimit(ImageModel model);

    /** The most input images one edit may combine with this gateway and model. */
    int maxInputImages(ImageModel model);
}
