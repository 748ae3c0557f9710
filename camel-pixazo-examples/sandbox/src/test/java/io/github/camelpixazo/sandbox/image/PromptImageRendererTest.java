package io.github.camelpixazo.sandbox.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

class PromptImageRendererTest {

    private static PictureSpec spec(String prompt, int width, int height, boolean transparent) {
        return new PictureSpec(prompt, "gpt-image-2", "gpt-image-2_id", 1, 1, width, height, ImageFormat.PNG, null,
                transparent);
    }

    private static int whitePixels(RasterImage image) {
        int count = 0;
        for (int pixel : image.pixels()) {
            if ((pixel & 0xFFFFFF) == 0xFFFFFF) {
                count++;
            }
        }
        return count;
    }

    @Test
    void runsHeadlessWithoutFonts() {
        assertTrue(GraphicsEnvironment.isHeadless(), "the build runs tests headless, as CI does");
        RasterImage image = PromptImageRenderer.render(spec("headless", 1024, 1024, false));
        assertEquals(1024, image.width());
    }

    @Test
    void thePromptIsDrawnInWhite() {
        int shortPrompt = whitePixels(PromptImageRenderer.render(spec("x", 1024, 1024, false)));
        int longPrompt = whitePixels(PromptImageRenderer.render(spec("x x x x x x x x x x", 1024, 1024, false)));
        assertTrue(shortPrompt > 0);
        assertTrue(longPrompt > 5 * shortPrompt, shortPrompt + " vs " + longPrompt);
    }

    @Test
    void differentPromptsLookDifferent() {
        RasterImage a = PromptImageRenderer.render(spec("a red fox", 1024, 1024, false));
        RasterImage b = PromptImageRenderer.render(spec("a blue whale", 1024, 1024, false));
        assertNotEquals(a.pixel(2, 2), b.pixel(2, 2), "background colour follows the prompt");
    }

    @Test
    void veryLongPromptsFitTheImage() {
        RasterImage image = PromptImageRenderer.render(spec("word ".repeat(5000), 1536, 1024, false));
        assertEquals(1536, image.width());
        assertEquals(1024, image.height());
    }

    @Test
    void transparentImagesHaveATransparentBackgroundAndVisibleText() {
        RasterImage image = PromptImageRenderer.render(spec("sticker", 1024, 1024, true));
        assertTrue(image.hasAlpha());
        assertEquals(0, image.pixel(0, 0) >>> 24);
        assertTrue(whitePixels(image) > 0);
        assertFalse(PromptImageRenderer.render(spec("opaque", 1024, 1024, false)).hasAlpha());
    }

    private static RasterImage solid(int width, int height, int rgb) {
        RasterImage image = new RasterImage(width, height, false);
        image.fillRect(0, 0, width, height, 0xFF000000 | rgb);
        return image;
    }

    /** A mask whose left half is black (kept) and right half white (editable). */
    private static RasterImage halfMask(int width, int height) {
        RasterImage mask = solid(width, height, 0x000000);
        mask.fillRect(width / 2, 0, width - width / 2, height, 0xFFFFFFFF);
        return mask;
    }

    @Test
    void anEditShowsItsInputImageAndItsMaskInTheirBoxes() {
        int red = 0xE0301E;
        PictureSpec edit = new PictureSpec("make it blue", "gpt-image-2", "gpt-image-2_id", 1, 1, 1024, 1024,
                ImageFormat.PNG, null, false, new EditPreview(solid(200, 100, red), null, halfMask(200, 100), null));
        RasterImage image = PromptImageRenderer.render(edit);
        int[][] boxes = PromptImageRenderer.editBoxes(1024, 1024);

        int[] input = boxes[0];
        assertEquals(red, image.pixel(input[0] + input[2] / 2, input[1] + input[3] / 2) & 0xFFFFFF,
                "the input's pixels fill the middle of the input box");
        // the 2:1 input fits the box's width: its left and right ends are red too
        int scale = Math.min(input[2] / 200, input[3] / 100);
        int middleY = input[1] + input[3] / 2;
        assertEquals(red, image.pixel(input[0] + input[2] / 2 - 90 * scale, middleY) & 0xFFFFFF);

        int[] mask = boxes[1];
        int maskCentreX = mask[0] + mask[2] / 2;
        int maskMiddleY = mask[1] + mask[3] / 2;
        assertEquals(0x000000, image.pixel(maskCentreX - 40 * scale, maskMiddleY) & 0xFFFFFF, "kept half: black");
        assertEquals(0xFFFFFF, image.pixel(maskCentreX + 40 * scale, maskMiddleY) & 0xFFFFFF, "editable half: white");

        RasterImage generated = PromptImageRenderer.render(spec("make it blue", 1024, 1024, false));
        assertNotEquals(red, generated.pixel(input[0] + input[2] / 2, input[1] + input[3] / 2) & 0xFFFFFF,
                "a generated picture has no input box");
    }

    @Test
    void anEditWhoseInputCannotBeShownSaysWhy() {
        PictureSpec edit = new PictureSpec("x", "gpt-image-2", "id", 1, 1, 1024, 1024, ImageFormat.PNG, null, false,
                new EditPreview(null, "input is an https URL", null, "no mask: the whole image may change"));
        RasterImage withNotes = PromptImageRenderer.render(edit);
        RasterImage empty = PromptImageRenderer.render(new PictureSpec("x", "gpt-image-2", "id", 1, 1, 1024, 1024,
                ImageFormat.PNG, null, false, new EditPreview(null, null, null, null)));
        int[] box = PromptImageRenderer.editBoxes(1024, 1024)[0];
        assertTrue(countDifferent(withNotes, empty, box) > 0, "the note is written in the input box");
    }

    private static int countDifferent(RasterImage a, RasterImage b, int[] box) {
        int count = 0;
        for (int y = box[1]; y < box[1] + box[3]; y++) {
            for (int x = box[0]; x < box[0] + box[2]; x++) {
                if (a.pixel(x, y) != b.pixel(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void jpegCannotBeTransparent() {
        assertThrows(IllegalArgumentException.class, () -> new PictureSpec("x", "m", "id", 1, 1, 10, 10,
                ImageFormat.JPEG, null, true));
    }
}
