package io.github.camelpixazo.sandbox.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves the encoder's output is valid, exact WebP by decoding it with an independent decoder (TwelveMonkeys). */
class WebpLosslessEncoderTest {

    @Test
    void randomNoiseRoundTripsExactlyWithAlpha() throws IOException {
        int width = 97;
        int height = 61;
        int[] pixels = new int[width * height];
        Random random = new Random(42);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt();
        }
        assertRoundTrip(pixels, width, height, true);
    }

    @Test
    void runsAndRepeatedRowsRoundTripExactly() throws IOException {
        // long runs (copies from the left, longer than the 4096 maximum copy) and identical rows (copies from above)
        int width = 5000;
        int height = 7;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (y / 3 == 1 && x % 700 < 5) ? 0xFF102030 : 0xFFA0B0C0 + y / 2;
            }
        }
        byte[] webp = assertRoundTrip(pixels, width, height, false);
        // the copies really compress: far less than one byte per pixel
        assertEquals(true, webp.length < pixels.length / 20, "size " + webp.length);
    }

    @Test
    void fewColorsUseSimpleCodesAndStillRoundTrip() throws IOException {
        int width = 33;
        int height = 17;
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 7919 % 3 == 0) ? 0xFF000000 : 0xFF00FF00;
        }
        assertRoundTrip(pixels, width, height, false);
    }

    @Test
    void transparentPixelsKeepTheirAlpha() throws IOException {
        int width = 40;
        int height = 30;
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % width < 20) ? 0x00000000 : 0x80FF8040;
        }
        assertRoundTrip(pixels, width, height, true);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,9", "9,1", "2,2", "3,1000"})
    void tinyAndDegenerateShapesRoundTrip(int width, int height) throws IOException {
        int[] pixels = new int[width * height];
        Random random = new Random(width * 31L + height);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 0xFF000000 | random.nextInt(4) * 0x404040;
        }
        assertRoundTrip(pixels, width, height, false);
    }

    @Test
    void opaqueImagesIgnoreTheTopByte() throws IOException {
        int[] pixels = {0x00112233, 0x12445566, 0x00778899, 0x00AABBCC};
        BufferedImage decoded = decode(WebpLosslessEncoder.encode(pixels, 2, 2, false));
        assertEquals(0xFF112233, decoded.getRGB(0, 0));
        assertEquals(0xFF445566, decoded.getRGB(1, 0));
    }

    @Test
    void rejectsSizesTheFormatCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> WebpLosslessEncoder.encode(new int[1], 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> WebpLosslessEncoder.encode(new int[16385], 16385, 1, false));
        assertThrows(IllegalArgumentException.class, () -> WebpLosslessEncoder.encode(new int[3], 2, 2, false));
    }

    @Test
    void lengthAndDistancePrefixCodingMatchesTheSpec() {
        // value -> (symbol, extra bit count, extra bits), from the VP8L specification's decoding formula
        for (int value = 1; value <= 4096; value++) {
            int symbol = WebpLosslessEncoder.prefixSymbol(value);
            int extraCount = WebpLosslessEncoder.extraBitCount(symbol);
            int decoded;
            if (symbol < 4) {
                decoded = symbol + 1;
            } else {
                int offset = (2 + (symbol & 1)) << extraCount;
                decoded = offset + WebpLosslessEncoder.extraBits(value) + 1;
            }
            assertEquals(value, decoded, "value " + value);
        }
        assertEquals(23, WebpLosslessEncoder.prefixSymbol(4096));
    }

    private static byte[] assertRoundTrip(int[] pixels, int width, int height, boolean alpha) throws IOException {
        byte[] webp = WebpLosslessEncoder.encode(pixels, width, height, alpha);
        assertEquals(ImageFormat.WEBP, ImageSniffer.format(webp).orElseThrow());
        assertEquals(new ImageSniffer.PixelSize(width, height), ImageSniffer.dimensions(webp).orElseThrow());
        BufferedImage decoded = decode(webp);
        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int expected = pixels[y * width + x] | (alpha ? 0 : 0xFF000000);
                int actual = decoded.getRGB(x, y);
                if (alpha && (expected >>> 24) == 0) {
                    assertEquals(0, actual >>> 24, "alpha at " + x + "," + y);
                } else if (expected != actual) {
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(actual), "pixel " + x + "," + y);
                }
            }
        }
        return webp;
    }

    static BufferedImage decode(byte[] webp) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(webp));
        assertNotNull(image, "no ImageIO reader accepted the WebP bytes");
        return image;
    }
}
