package io.github.camelpixazo.sandbox;

import io.github.camelpixazo.sandbox.image.EditPreview;
import io.github.camelpixazo.sandbox.image.ImageFormat;

/**
 * A validated submit, reduced to what the sandbox needs to produce its images.
 *
 * @param compression {@code output_compression}, or null when absent
 * @param transparent a transparent background was asked for (GPT Image 1.5 with png or webp)
 * @param edit        for an edit, what its result shows of the input image and mask; null for text-to-image
 */
record GenerationRequest(String prompt, int imageCount, int width, int height, ImageFormat format,
                         Integer compression, boolean transparent, EditPreview edit) {

    GenerationRequest(String prompt, int imageCount, int width, int height, ImageFormat format, Integer compression,
                      boolean transparent) {
        this(prompt, imageCount, width, height, format, compression, transparent, null);
    }
}
