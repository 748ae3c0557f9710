package io.github.camelpixazo.sandbox.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BitmapFontTest {

    @Test
    void everyPrintableAsciiCharacterHasAGlyph() {
        for (char c = 32; c < 127; c++) {
            assertTrue(BitmapFont.canDisplay(c), "no glyph for '" + c + "'");
        }
    }

    @Test
    void everyVisibleGlyphHasInkAndGlyphsDiffer() {
        Set<String> shapes = new HashSet<>();
        for (char c = 33; c < 127; c++) {
            String shape = shape(c);
            assertTrue(shape.contains("#"), "'" + c + "' draws nothing");
            assertTrue(shapes.add(shape), "'" + c + "' looks like another glyph");
        }
    }

    @Test
    void textIsFoldedToWhatTheFontCanDraw() {
        assertEquals("cafe naive ? ?", BitmapFont.toDisplayable("café naïve\n° \uD83D\uDE00"));
    }

    @Test
    void drawsScaledGlyphsClippedToTheImage() {
        RasterImage image = new RasterImage(20, 20, false);
        BitmapFont.drawText(image, "I", 0, 0, 2, 0xFFFFFFFF);
        // 'I' row 0 is ".###.": columns 1-3 inked, each font pixel a 2x2 square
        assertEquals(0xFFFFFF, image.pixel(2, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.pixel(7, 1) & 0xFFFFFF);
        assertEquals(0, image.pixel(0, 0) & 0xFFFFFF);
        assertEquals(0, image.pixel(8, 0) & 0xFFFFFF);
        BitmapFont.drawText(image, "WWWWWWWW", 15, 15, 3, 0xFFFFFFFF); // runs off the edge without failing
    }

    private static String shape(char c) {
        RasterImage image = new RasterImage(BitmapFont.GLYPH_WIDTH, BitmapFont.GLYPH_HEIGHT, false);
        BitmapFont.drawText(image, String.valueOf(c), 0, 0, 1, 0xFFFFFFFF);
        StringBuilder shape = new StringBuilder();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                shape.append((image.pixel(x, y) & 0xFFFFFF) != 0 ? '#' : '.');
            }
        }
        return shape.toString();
    }
}
