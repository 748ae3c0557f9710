package io.github.camelpixazo.request;

/** Content moderation strictness; {@code low} is less restrictive. */
public enum Moderation implements OptionValue {
    AUTO, LOW;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
