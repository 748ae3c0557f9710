package io.github.camelpixazo.sandbox.image;

import java.util.Optional;

/**
 * Recognises PNG, JPEG and WEBP by their magic bytes and reads pixel dimensions from their headers,
 * without decoding the image (input images may be up to 50 MB; only the header matters).
 */
public final class ImageSniffer {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Width and height in pixels. */
    public record PixelSize(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private ImageSniffer() {
    }

    public static Optional<ImageFormat> format(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8 && u8(bytes, 2) == 0xFF) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    /** Empty when the format is unknown or the header is truncated or corrupt. */
    public static Optional<PixelSize> dimensions(byte[] bytes) {
        try {
            return format(bytes).map(format -> switch (format) {
                case PNG -> pngSize(bytes);
                case JPEG -> jpegSize(bytes);
                case WEBP -> webpSize(bytes);
            });
        } catch (IndexOutOfBoundsException | IllegalArgumentException truncatedOrCorrupt) {
            return Optional.empty();
        }
    }

    private static PixelSize pngSize(byte[] b) {
        // the IHDR chunk must come first: length(4) "IHDR"(4) width(4) height(4)
        if (!ascii(b, 12, "IHDR")) {
            throw new IllegalArgumentException("PNG without IHDR");
        }
        return positive(u32be(b, 16), u32be(b, 20));
    }

    private static PixelSize jpegSize(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if (u8(b, i) != 0xFF) {
                throw new IllegalArgumentException("JPEG marker expected");
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { // markers without a length
                i += 2;
                continue;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF
                    && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                // length(2) precision(1) height(2) width(2)
                return positive(u16be(b, i + 7), u16be(b, i + 5));
            }
            i += 2 + u16be(b, i + 2);
        }
        throw new IllegalArgumentException("JPEG without a frame header");
    }

    private static PixelSize webpSize(byte[] b) {
        if (ascii(b, 12, "VP8 ")) {
            // lossy key frame: start code 9d 01 2a, then 14-bit width and height
            if (u8(b, 23) != 0x9D || u8(b, 24) != 0x01 || u8(b, 25) != 0x2A) {
                throw new IllegalArgumentException("VP8 start code missing");
            }
            return positive(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
        }
        if (ascii(b, 12, "VP8L")) {
            if (u8(b, 20) != 0x2F) {
                throw new IllegalArgumentException("VP8L signature missing");
            }
            long bits = u32le(b, 21);
            return positive((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
        if (ascii(b, 12, "VP8X")) {
            return positive(u24le(b, 24) + 1, u24le(b, 27) + 1);
        }
        throw new IllegalArgumentException("unknown WEBP chunk");
    }

    private static PixelSize positive(long width, long height) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("implausible size");
        }
        return new PixelSize((int) width, (int) height);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        if (b.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16be(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static int u16le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    private static int u24le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16);
    }

    private static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | ((long) u16le(b, i + 2) << 16);
    }
}
