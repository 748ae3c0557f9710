package io.github.camelpixazo.request;

/** Background handling. {@code transparent} exists for gpt-image-1.5 only (with png or webp). */
public enum ImageBackground implements OptionValue {
    OPAQUE, AUTO, TRANSPARENT;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
