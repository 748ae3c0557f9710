package io.github.camelpixazo.media;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** {@code data:<media type>;base64,<data>} URIs, the way local images travel to the gateway inside JSON. */
public final class DataUri {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private DataUri() {
    }

    public static boolean isDataUri(String text) {
        return text != null && text.regionMatches(true, 0, "data:", 0, 5);
    }

    /** What comes before the base64 text: {@code data:<media type>;base64,}. */
    public static String prefix(String mediaType) {
        return "data:" + mediaType + ";base64,";
    }

    /** Encodes image bytes as a data URI with the given media type. */
    public static String encode(String mediaType, byte[] data) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes a base64 data URI.
     *
     * @return the bytes, or empty if the text is not a well-formed base64 data URI
     */
    public static Optional<byte[]> decode(String uri) {
        if (!isDataUri(uri)) {
            return Optional.empty();
        }
        int comma = uri.indexOf(',');
        if (comma < 0 || !uri.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            return Optional.empty();
        }
        try {
            // strict alphabet (the MIME decoder silently skips garbage), but tolerate line breaks
            return Optional.of(Base64.getDecoder().decode(WHITESPACE.matcher(uri.substring(comma + 1)).replaceAll("")));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
