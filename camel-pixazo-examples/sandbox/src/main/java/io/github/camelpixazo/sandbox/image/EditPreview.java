package io.github.camelpixazo.sandbox.image;

/**
 * What an edit's result shows beside the prompt, so a person can see whether the edit did what they asked: the first
 * input image and the mask, as small pictures, or a note saying why one cannot be shown.
 *
 * @param input     the first input image, scaled down; null when it cannot be shown
 * @param inputNote why the input is not shown (an https URL the sandbox does not fetch, a WEBP it cannot decode), or
 *                  null when it is
 * @param mask      the mask, scaled down; null when there is none or it cannot be shown
 * @param maskNote  "no mask: the whole image may change", or why the mask is not shown; null when it is
 */
public record EditPreview(RasterImage input, String inputNote, RasterImage mask, String maskNote) {

    /** The longest edge the previews are kept at: enough for the inset, small enough to hold many jobs. */
    public static final int PREVIEW_EDGE = 512;
}
