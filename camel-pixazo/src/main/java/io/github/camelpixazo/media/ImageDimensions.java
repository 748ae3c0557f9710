package io.github.camelpixazo.media;

import java.util.Optional;

/**
 * Width and height read from an image's header bytes, without decoding the image (no AWT, no ImageIO plugins): enough
 * to check that a mask matches its image before anything is sent.
 */
public record ImageDimensions(int width, int height) {

    public static Optional<ImageDimensions> read(byte[] data) {
        Optional<ImageFormat> format = ImageFormat.sniff(data);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (format.get()) {
                case PNG -> png(data);
                case JPEG -> jpeg(data);
                case WEBP -> webp(data);
            };
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }

    private static Optional<ImageDimensions> png(byte[] d) {
        // signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4)
        if (d.length < 24 || d[12] != 'I' || d[13] != 'H' || d[14] != 'D' || d[15] != 'R') {
            return Optional.empty();
        }
        return of(int32be(d, 16), int32be(d, 20));
    }

    private static Optional<ImageDimensions> jpeg(byte[] d) {
        int i = 2;
        while (i + 9 < d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                i += 2;
                continue;
            }
            int length = int16be(d, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return of(int16be(d, i + 7), int16be(d, i + 5));
            }
            if (marker == 0xDA || marker == 0xD9 || length < 2) { // scan data or end before any frame header
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageDimensions> webp(byte[] d) {
        if (d.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(d, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ": // lossy: frame tag (3) + start code (3), then 14-bit width and height
                return of(int16le(d, 26) & 0x3FFF, int16le(d, 28) & 0x3FFF);
            case "VP8L": { // lossless: signature 0x2F, then 14-bit width-1 and height-1
                if ((d[20] & 0xFF) != 0x2F) {
                    return Optional.empty();
                }
                int bits = (d[21] & 0xFF) | (d[22] & 0xFF) << 8 | (d[23] & 0xFF) << 16 | (d[24] & 0xFF) << 24;
                return of((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X": // extended: 24-bit canvas width-1 and height-1
                return of(int24le(d, 24) + 1, int24le(d, 27) + 1);
            default:
                return Optional.empty();
        }
    }

    private static Optional<ImageDimensions> of(int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new ImageDimensions(width, height)) : Optional.empty();
    }

    private static int int32be(byte[] d, int i) {
        return (d[i] & 0xFF) << 24 | (d[i + 1] & 0xFF) << 16 | (d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF);
    }

    private static int int16be(byte[] d, int i) {
        return (d[i] & 0xFF) << 8 | (d[i + 1] & 0xFF);
    }

    private static int int16le(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8;
    }

    private static int int24le(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF) << 16;
    }
}
