package io.github.camelpixazo.sandbox;

import io.github.camelpixazo.sandbox.image.ImageFormat;

/**
 * A validated submit, reduced to what the sandbox needs to produce its images.
 *
 * @param compression {@code output_compression}, or null when absent
 * @param transparent a transparent background was asked for (GPT Image 1.5 with png or webp)
 */
record GenerationRequest(String prompt, int imageCount, int width, int height, ImageFormat format,
                         Integer compression, boolean transparent) {
}
