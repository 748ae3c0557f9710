package io.github.camelpixazo.request;

/** What a job does: text to image, or image(s) to image. */
public enum ImageOperation {
    GENERATE, EDIT
}
