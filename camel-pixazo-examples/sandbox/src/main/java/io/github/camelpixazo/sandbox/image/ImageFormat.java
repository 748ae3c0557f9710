package io.github.camelpixazo.sandbox.image;

import java.util.Locale;
import java.util.Optional;

/** The output formats the gateway offers, with the names used on the wire and in media URLs. */
public enum ImageFormat {
    PNG("png", "image/png"),
    JPEG("jpeg", "image/jpeg"),
    WEBP("webp", "image/webp");

    private final String wireName;
    private final String mimeType;

    ImageFormat(String wireName, String mimeType) {
        this.wireName = wireName;
        this.mimeType = mimeType;
    }

    /** The value of the request field ({@code format} / {@code output_format}), also the media file extension. */
    public String wireName() {
        return wireName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Exact, case-sensitive match: the gateway documents lower-case values only ({@code jpg} is not one of them). */
    public static Optional<ImageFormat> fromWireName(String value) {
        for (ImageFormat format : values()) {
            if (format.wireName.equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
