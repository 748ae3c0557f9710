package io.github.camelpixazo.sandbox.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.image.ImageSniffer.PixelSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSnifferTest {

    private static byte[] imageIo(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void readsPngAndJpegHeaders() throws IOException {
        byte[] png = imageIo("png", 123, 45);
        assertEquals(ImageFormat.PNG, ImageSniffer.format(png).orElseThrow());
        assertEquals(new PixelSize(123, 45), ImageSniffer.dimensions(png).orElseThrow());

        byte[] jpeg = imageIo("jpeg", 67, 890);
        assertEquals(ImageFormat.JPEG, ImageSniffer.format(jpeg).orElseThrow());
        assertEquals(new PixelSize(67, 890), ImageSniffer.dimensions(jpeg).orElseThrow());
    }

    @Test
    void readsAllThreeWebpHeaderKinds() {
        byte[] lossless = WebpLosslessEncoder.encode(new int[300 * 7], 300, 7, false);
        assertEquals(new PixelSize(300, 7), ImageSniffer.dimensions(lossless).orElseThrow());

        // hand-made lossy (VP8) and extended (VP8X) headers: only the fields the sniffer reads
        byte[] lossy = riff("VP8 ", 30);
        lossy[23] = (byte) 0x9D;
        lossy[24] = 0x01;
        lossy[25] = 0x2A;
        lossy[26] = (byte) (640 & 0xFF);
        lossy[27] = (byte) (640 >> 8);
        lossy[28] = (byte) (480 & 0xFF);
        lossy[29] = (byte) (480 >> 8);
        assertEquals(new PixelSize(640, 480), ImageSniffer.dimensions(lossy).orElseThrow());

        byte[] extended = riff("VP8X", 30);
        int w = 5000 - 1;
        int h = 70000 - 1;
        extended[24] = (byte) w;
        extended[25] = (byte) (w >> 8);
        extended[26] = (byte) (w >> 16);
        extended[27] = (byte) h;
        extended[28] = (byte) (h >> 8);
        extended[29] = (byte) (h >> 16);
        assertEquals(new PixelSize(5000, 70000), ImageSniffer.dimensions(extended).orElseThrow());
    }

    @Test
    void unknownOrTruncatedDataHasNoDimensions() throws IOException {
        assertEquals(Optional.empty(), ImageSniffer.format("GIF89a....".getBytes()));
        assertEquals(Optional.empty(), ImageSniffer.format(new byte[0]));
        assertTrue(ImageSniffer.dimensions(Arrays.copyOf(imageIo("png", 9, 9), 18)).isEmpty());
        assertTrue(ImageSniffer.dimensions(Arrays.copyOf(imageIo("jpeg", 9, 9), 40)).isEmpty());
        assertTrue(ImageSniffer.dimensions(riff("VP9 ", 30)).isEmpty());
    }

    private static byte[] riff(String chunk, int length) {
        byte[] bytes = new byte[length];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WEBP".getBytes(), 0, bytes, 8, 4);
        System.arraycopy(chunk.getBytes(), 0, bytes, 12, 4);
        return bytes;
    }
}
