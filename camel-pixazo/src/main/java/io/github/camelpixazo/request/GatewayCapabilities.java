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
}
