package io.github.camelpixazo.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.camelpixazo.support.TestImages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageFormatAndDimensionsTest {

    @Test
    void sniffsPngJpegAndWebpByTheirBytes() {
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(TestImages.png(3, 2)));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.sniff(TestImages.jpeg(3, 2)));
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.sniff(TestImages.webpHeader(3, 2)));
        assertEquals(Optional.empty(), ImageFormat.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[] { (byte) 0x89, 'P' }));
        assertEquals(Optional.empty(), ImageFormat.sniff(null));
    }

    @Test
    void readsDimensionsFromPngAndJpegHeaders() {
        assertEquals(Optional.of(new ImageDimensions(1536, 1024)), ImageDimensions.read(TestImages.png(1536, 1024)));
        assertEquals(Optional.of(new ImageDimensions(321, 123)), ImageDimensions.read(TestImages.jpeg(321, 123)));
    }

    @Test
    void readsDimensionsFromTheThreeWebpFlavours() {
        assertEquals(Optional.of(new ImageDimensions(2048, 1152)), ImageDimensions.read(TestImages.webpHeader(2048, 1152)));
        assertEquals(Optional.of(new ImageDimensions(640, 480)), ImageDimensions.read(webpLossy(640, 480)));
        assertEquals(Optional.of(new ImageDimensions(3840, 2160)), ImageDimensions.read(webpExtended(3840, 2160)));
    }

    @Test
    void truncatedOrForeignBytesHaveNoDimensions() {
        byte[] png = TestImages.png(10, 10);
        assertEquals(Optional.empty(), ImageDimensions.read(java.util.Arrays.copyOf(png, 16)));
        assertEquals(Optional.empty(), ImageDimensions.read(java.util.Arrays.copyOf(TestImages.jpeg(10, 10), 6)));
        assertEquals(Optional.empty(), ImageDimensions.read("hello".getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] webpLossy(int width, int height) {
        ByteBuffer b = riff("VP8 ");
        b.put(new byte[] { 0, 0, 0 }).put(new byte[] { (byte) 0x9D, 0x01, 0x2A });
        b.putShort((short) width).putShort((short) height);
        return b.array();
    }

    private static byte[] webpExtended(int width, int height) {
        ByteBuffer b = riff("VP8X");
        b.putInt(0);
        b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return b.array();
    }

    private static ByteBuffer riff(String chunk) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(20);
        return b;
    }
}
