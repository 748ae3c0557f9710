package io.github.camelpixazo.media;

import java.util.Locale;
import java.util.Optional;

/** The image file formats the models read and write, recognised by their leading bytes (never by a file name). */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The lower-case name ({@code png}, {@code jpeg}, {@code webp}), as messages print it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The MIME type, e.g. {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without dot. */
    public String extension() {
        return extension;
    }

    /** Recognises PNG, JPEG and WEBP by their signature bytes. */
    public static Optional<ImageFormat> sniff(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.length >= 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G'
            && data[4] == 0x0D && data[5] == 0x0A && data[6] == 0x1A && data[7] == 0x0A) {
            return Optional.of(PNG);
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F'
            && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value();
    }
}
