package io.github.camelpixazo.request;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpixazo.error.PixazoValidationException;

/** An output size: {@code auto} or {@code WIDTHxHEIGHT} in pixels. Whether a model accepts it is the validator's call. */
public record ImageSize(int width, int height) {

    public static final ImageSize AUTO = new ImageSize(0, 0);

    private static final Pattern WXH = Pattern.compile("(\\d{1,5})\\s*[x\u00d7*]\\s*(\\d{1,5})");

    /**
     * Parses {@code auto}, {@code 1536x1024}, {@code 1536X1024} or {@code 1536×1024}.
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
        Matcher m = WXH.matcher(value);
        if (!m.matches()) {
            throw new PixazoValidationException(option, text,
                    "expected 'auto' or WIDTHxHEIGHT in pixels, for example 1536x1024.");
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
        return width == 0 && height == 0;
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The wire and display form: {@code auto} or {@code 1536x1024}. */
    @Override
    public String toString() {
        return isAuto() ? "auto" : width + "x" + height;
    }
}
