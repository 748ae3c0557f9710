package io.github.camelpixazo.request;

/** Rendering quality; higher is slower and costs more. */
public enum ImageQuality implements OptionValue {
    LOW, MEDIUM, HIGH, AUTO;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
