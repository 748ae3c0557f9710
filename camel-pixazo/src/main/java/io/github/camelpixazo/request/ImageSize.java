package io.github.camelpixazo.request;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpixazo.error.PixazoValidationException;

/**
 * An output size: {@code auto}, {@code WIDTHxHEIGHT} in pixels, or an aspect ratio {@code W:H} (EvoLink documents
 * {@code 1:1}, {@code 2:3} and {@code 3:2} beside pixel sizes, evolink-gpt-image-1.5-api.txt). Whether a gateway and
 * model accept it is the validator's call, from the gateway's {@link ModelSupport}.
 *
 * @param ratio true for the aspect-ratio form, whose {@code width} and {@code height} are then the ratio's terms
 */
public record ImageSize(int width, int height, boolean ratio) {

    public static final ImageSize AUTO = new ImageSize(0, 0);

    private static final Pattern WXH = Pattern.compile("(\\d{1,5})\\s*[x\u00d7*]\\s*(\\d{1,5})");
    private static final Pattern RATIO = Pattern.compile("(\\d{1,2})\\s*:\\s*(\\d{1,2})");

    /** A size in pixels (or {@link #AUTO} for 0x0). */
    public ImageSize(int width, int height) {
        this(width, height, false);
    }

    /** An aspect ratio such as {@code 3:2}. */
    public static ImageSize ratio(int width, int height) {
        return new ImageSize(width, height, true);
    }

    /**
     * Parses {@code auto}, {@code 1536x1024}, {@code 1536X1024}, {@code 1536×1024} or an aspect ratio {@code 3:2}.
     *
     * @return null when text is null or blank (the option is not set)
     */
    public static ImageSize parse(String option, Object text) {
        if (text == null || text.toString().isBlank()) {
            return null;
        }
        if (text instanceof ImageSize size) {
            return size;
        }
        String value = text.toString().trim().toLowerCase(Locale.ROOT);
        if ("auto".equals(value)) {
            return AUTO;
        }
        Matcher ratio = RATIO.matcher(value);
        if (ratio.matches()) {
            int w = Integer.parseInt(ratio.group(1));
            int h = Integer.parseInt(ratio.group(2));
            if (w == 0 || h == 0) {
                throw new PixazoValidationException(option, text, "both terms of an aspect ratio must be positive,"
                        + " for example 3:2.");
            }
            return ratio(w, h);
        }
        Matcher m = WXH.matcher(value);
        if (!m.matches()) {
            throw new PixazoValidationException(option, text,
                    "expected 'auto' or WIDTHxHEIGHT in pixels, for example 1536x1024 (EvoLink also takes an aspect"
                    + " ratio such as 3:2).");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        if (width == 0 || height == 0) { // 0x0 would read as auto
            throw new PixazoValidationException(option, text, "both sides must be positive; use 'auto' to let the"
                    + " model choose.");
        }
        return new ImageSize(width, height);
    }

    public boolean isAuto() {
        return width == 0 && height == 0 && !ratio;
    }

    /** Pixels in total (0 for auto and for an aspect ratio). */
    public long pixels() {
        return ratio ? 0 : (long) width * height;
    }

    /** The wire and display form: {@code auto}, {@code 1536x1024} or {@code 3:2}. */
    @Override
    public String toString() {
        return isAuto() ? "auto" : ratio ? width + ":" + height : width + "x" + height;
    }
}
