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

    @Test
    void jpegCannotBeTransparent() {
        assertThrows(IllegalArgumentException.class, () -> new PictureSpec("x", "m", "id", 1, 1, 10, 10,
                ImageFormat.JPEG, null, true));
    }
}
