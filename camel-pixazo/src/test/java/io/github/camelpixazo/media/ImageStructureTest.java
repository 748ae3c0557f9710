package io.github.camelpixazo.media;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.github.camelpixazo.support.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole image passes; every cut-off prefix of it, and a damaged header, does not. */
class ImageStructureTest {

    @TempDir
    Path dir;

    @Test
    void wholeImagesPass() {
        assertEquals(Optional.empty(), ImageStructure.defect(TestImages.png(64, 48), ImageFormat.PNG));
        assertEquals(Optional.empty(), ImageStructure.defect(TestImages.jpeg(64, 48), ImageFormat.JPEG));
        assertEquals(Optional.empty(), ImageStructure.defect(TestImages.webpHeader(64, 48), ImageFormat.WEBP));
    }

    @Test
    void bytesAfterTheEndAreAccepted() {
        byte[] png = TestImages.png(8, 8);
        byte[] padded = Arrays.copyOf(png, png.length + 100);
        assertEquals(Optional.empty(), ImageStructure.defect(padded, ImageFormat.PNG));
        byte[] jpeg = TestImages.jpeg(8, 8);
        assertEquals(Optional.empty(), ImageStructure.defect(Arrays.copyOf(jpeg, jpeg.length + 7), ImageFormat.JPEG));
        byte[] webp = TestImages.webpHeader(8, 8);
        assertEquals(Optional.empty(), ImageStructure.defect(Arrays.copyOf(webp, webp.length + 3), ImageFormat.WEBP));
    }

    @Test
    void everyCutOffPrefixIsFound() throws Exception {
        assertEveryPrefixIsIncomplete(TestImages.png(40, 30), ImageFormat.PNG);
        assertEveryPrefixIsIncomplete(TestImages.jpeg(40, 30), ImageFormat.JPEG);
        assertEveryPrefixIsIncomplete(TestImages.webpHeader(40, 30), ImageFormat.WEBP);
    }

    @Test
    void saysWhereItWasCutOff() {
        byte[] png = Arrays.copyOf(TestImages.png(8, 8), 20); // the signature and 12 bytes
        assertEquals(Optional.of("is cut off after 20 bytes: expected chunk IHDR at byte 8, which declares 13 data"
                                 + " bytes."), ImageStructure.defect(png, ImageFormat.PNG));
        byte[] jpeg = TestImages.jpeg(8, 8);
        String cut = ImageStructure.defect(Arrays.copyOf(jpeg, jpeg.length - 2), ImageFormat.JPEG).orElseThrow();
        assertTrue(cut.contains("end-of-image marker FFD9"), cut);
    }

    @Test
    void aWebpWhoseRiffSizePromisesMoreThanItHasIsCutOff() {
        byte[] webp = TestImages.webpHeader(16, 16);
        webp[4] = (byte) (webp[4] + 100); // RIFF size 100 bytes more than the file holds
        assertEquals(Optional.of("is cut off after 30 bytes: expected the 130 bytes its RIFF size declares."),
                ImageStructure.defect(webp, ImageFormat.WEBP));
    }

    @Test
    void damagedHeadersAreFound() {
        byte[] png = TestImages.png(8, 8);
        png[12] = 'X'; // IHDR becomes XHDR
        assertEquals(Optional.of("is damaged: its first chunk is 'XHDR', not the IHDR header."),
                ImageStructure.defect(png, ImageFormat.PNG));
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };
        assertEquals(Optional.of("is damaged: it ends before any frame header (no width and height)."),
                ImageStructure.defect(jpeg, ImageFormat.JPEG));
    }

    @Test
    void readsAFileWithoutBeingFooledBySkippingPastItsEnd() throws Exception {
        byte[] webp = TestImages.webpHeader(16, 16);
        Path cut = dir.resolve("cut.webp");
        Files.write(cut, Arrays.copyOf(webp, webp.length - 4)); // the last chunk's payload is short
        try (InputStream in = Files.newInputStream(cut)) {
            assertTrue(ImageStructure.defect(in, ImageFormat.WEBP).orElseThrow().startsWith("is cut off after 26 bytes"));
        }
    }

    private static void assertEveryPrefixIsIncomplete(byte[] image, ImageFormat format) throws Exception {
        for (int length = ImageFormat.sniff(Arrays.copyOf(image, 12)).isPresent() ? 12 : 8; length < image.length;
             length++) {
            byte[] prefix = Arrays.copyOf(image, length);
            Optional<String> defect = ImageStructure.defect(prefix, format);
            assertTrue(defect.isPresent(), format + " cut to " + length + " of " + image.length + " bytes passed");
            // a stream of the same bytes is judged the same, word for word
            assertEquals(defect, ImageStructure.defect(new ByteArrayInputStream(prefix), format));
        }
        assertEquals(Optional.empty(), ImageStructure.defect(new ByteArrayInputStream(image), format));
    }
}
