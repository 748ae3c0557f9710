package io.github.camelpixazo.sandbox;

import io.github.camelpixazo.sandbox.image.ImageFormat;
import io.github.camelpixazo.sandbox.image.ImageSniffer;
import io.github.camelpixazo.sandbox.image.ImageSniffer.PixelSize;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input image of an edit request: an https URL (accepted as is; the sandbox has no internet to fetch
 * it) or a {@code data:image/...;base64,...} URI, decoded and sniffed.
 *
 * @param format null for a URL
 * @param size   null for a URL
 * @param bytes  the decoded image, null for a URL; kept only while the request is validated
 */
record InputImage(String field, ImageFormat format, PixelSize size, byte[] bytes) {

    /** The gateway's documented limit per input image. */
    static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final Pattern DATA_URI_PREFIX = Pattern.compile("data:image/[A-Za-z0-9.+-]+;base64,");

    boolean isDataUri() {
        return format != null;
    }

    static InputImage parse(String field, String value) {
        if (value.startsWith("https://")) {
            requireValidHttpsUrl(field, value);
            return new InputImage(field, null, null, null);
        }
        int comma = value.indexOf(',');
        // match only the short prefix: the payload may be 70 MB of base64
        if (comma < 0 || !DATA_URI_PREFIX.matcher(value.substring(0, comma + 1)).matches()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw ApiException.badRequest("Invalid value '" + shown + "' for field '" + field
                    + "': must be an https:// URL or a data:image/...;base64,... URI");
        }
        byte[] bytes = decode(field, value.substring(comma + 1));
        Optional<ImageFormat> format = ImageSniffer.format(bytes);
        if (format.isEmpty()) {
            throw ApiException.badRequest("Field '" + field + "' is not a PNG, JPEG or WEBP image");
        }
        PixelSize size = ImageSniffer.dimensions(bytes).orElseThrow(() -> ApiException.badRequest(
                "Field '" + field + "' is not a readable " + format.get().name() + " image (corrupt or truncated header)"));
        return new InputImage(field, format.get(), size, bytes);
    }

    private static byte[] decode(String field, String base64) {
        // check the size from the encoded length first, so an oversized image is never decoded
        long padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        long decodedLength = base64.length() / 4 * 3 - padding;
        if (decodedLength > MAX_BYTES) {
            throw ApiException.badRequest("Field '" + field + "' is " + decodedLength + " bytes; the limit is "
                    + MAX_BYTES + " bytes (50 MB)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length == 0) {
                throw ApiException.badRequest("Field '" + field + "' holds an empty data URI");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Field '" + field + "' is not valid base64: " + e.getMessage());
        }
    }

    private static void requireValidHttpsUrl(String field, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null) {
                throw new URISyntaxException(value, "no host");
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("Field '" + field + "' is not a valid https URL: " + e.getMessage());
        }
    }
}
