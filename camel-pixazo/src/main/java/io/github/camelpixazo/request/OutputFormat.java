package io.github.camelpixazo.request;

import java.util.Locale;

import io.github.camelpixazo.media.ImageFormat;

/**
 * The option {@code format}: the file format of the images a job makes, as users write it ({@code png}, {@code jpeg}
 * or {@code jpg}, {@code webp}). It names a {@link ImageFormat} of the media layer, which knows the bytes; keeping the
 * user's vocabulary here lets the media layer stay below the request layer.
 */
public enum OutputFormat implements OptionValue {
    PNG(ImageFormat.PNG),
    JPEG(ImageFormat.JPEG, "jpg"),
    WEBP(ImageFormat.WEBP);

    private final ImageFormat mediaFormat;
    private final String[] aliases;

    OutputFormat(ImageFormat mediaFormat, String... aliases) {
        this.mediaFormat = mediaFormat;
        this.aliases = aliases;
    }

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String[] aliases() {
        return aliases.clone();
    }

    /** The file format of the bytes. */
    public ImageFormat mediaFormat() {
        return mediaFormat;
    }

    @Override
    public String toString() {
        return value();
    }
}
