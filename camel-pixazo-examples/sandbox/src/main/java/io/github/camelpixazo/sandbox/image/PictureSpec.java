package io.github.camelpixazo.sandbox.image;

import java.util.Objects;

/**
 * Everything one generated picture shows and how it is encoded.
 *
 * @param index            1-based position among the job's {@code count} images
 * @param compression      the request's {@code output_compression} (0-100), or null for the default
 * @param transparent      true to leave the background transparent (only PNG and WEBP can carry it)
 * @param edit             for an edit job, the input image and mask shown beside the prompt; null for a generated one
 */
public record PictureSpec(String prompt, String modelId, String requestId, int index, int count,
                          int width, int height, ImageFormat format, Integer compression, boolean transparent,
                          EditPreview edit) {

    /** A generated (not edited) picture. */
    public PictureSpec(String prompt, String modelId, String requestId, int index, int count, int width, int height,
                       ImageFormat format, Integer compression, boolean transparent) {
        this(prompt, modelId, requestId, index, count, width, height, format, compression, transparent, null);
    }

    public PictureSpec {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("index " + index + " outside 1.." + count);
        }
        if (transparent && format == ImageFormat.JPEG) {
            throw new IllegalArgumentException("JPEG cannot be transparent");
        }
    }
}
