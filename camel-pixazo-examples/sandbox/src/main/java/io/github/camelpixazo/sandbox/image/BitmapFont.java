package io.github.camelpixazo.sandbox.image;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * A 5x7 pixel ASCII font (with two descender rows) drawn by hand for the sandbox, so that text rendering
 * never touches AWT fonts: headless CI machines often have no system fonts, and AWT text then fails.
 * Each glyph is written as rows of {@code #} (ink) and {@code .} (paper), top to bottom.
 */
public final class BitmapFont {

    /** Glyph width in font pixels. */
    public static final int GLYPH_WIDTH = 5;
    /** Cap height plus two descender rows, in font pixels. */
    public static final int GLYPH_HEIGHT = 9;
    /** Horizontal advance per character, in font pixels (one column of spacing). */
    public static final int ADVANCE = GLYPH_WIDTH + 1;
    /** Vertical advance per line, in font pixels. */
    public static final int LINE_HEIGHT = GLYPH_HEIGHT + 2;

    private static final Map<Character, boolean[][]> GLYPHS = new HashMap<>();

    static {
        glyph(' ', ".....");
        glyph('!', "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..");
        glyph('"', ".#.#. .#.#. .#.#.");
        glyph('#', ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.");
        glyph('$', "..#.. .#### #.#.. .###. ..#.# ####. ..#..");
        glyph('%', "##... ##..# ...#. ..#.. .#... #..## ...##");
        glyph('&', ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#");
        glyph('\'', "..#.. ..#.. .#...");
        glyph('(', "...#. ..#.. .#... .#... .#... ..#.. ...#.");
        glyph(')', ".#... ..#.. ...#. ...#. ...#. ..#.. .#...");
        glyph('*', "..... ..#.. #.#.# .###. #.#.# ..#.. .....");
        glyph('+', "..... ..#.. ..#.. ##### ..#.. ..#.. .....");
        glyph(',', "..... ..... ..... ..... ..... ..##. ..#.. .#...");
        glyph('-', "..... ..... ..... ##### ..... ..... .....");
        glyph('.', "..... ..... ..... ..... ..... .##.. .##..");
        glyph('/', "..... ....# ...#. ..#.. .#... #.... .....");
        glyph('0', ".###. #...# #..## #.#.# ##..# #...# .###.");
        glyph('1', "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.");
        glyph('2', ".###. #...# ....# ...#. ..#.. .#... #####");
        glyph('3', "##### ...#. ..#.. ...#. ....# #...# .###.");
        glyph('4', "...#. ..##. .#.#. #..#. ##### ...#. ...#.");
        glyph('5', "##### #.... ####. ....# ....# #...# .###.");
        glyph('6', "..##. .#... #.... ####. #...# #...# .###.");
        glyph('7', "##### ....# ...#. ..#.. .#... .#... .#...");
        glyph('8', ".###. #...# #...# .###. #...# #...# .###.");
        glyph('9', ".###. #...# #...# .#### ....# ...#. .##..");
        glyph(':', "..... .##.. .##.. ..... .##.. .##.. .....");
        glyph(';', "..... .##.. .##.. ..... .##.. ..#.. .#...");
        glyph('<', "...#. ..#.. .#... #.... .#... ..#.. ...#.");
        glyph('=', "..... ..... ##### ..... ##### ..... .....");
        glyph('>', ".#... ..#.. ...#. ....# ...#. ..#.. .#...");
        glyph('?', ".###. #...# ....# ...#. ..#.. ..... ..#..");
        glyph('@', ".###. #...# ....# .##.# #.#.# #.#.# .###.");
        glyph('A', ".###. #...# #...# ##### #...# #...# #...#");
        glyph('B', "####. #...# #...# ####. #...# #...# ####.");
        glyph('C', ".###. #...# #.... #.... #.... #...# .###.");
        glyph('D', "###.. #..#. #...# #...# #...# #..#. ###..");
        glyph('E', "##### #.... #.... ####. #.... #.... #####");
        glyph('F', "##### #.... #.... ####. #.... #.... #....");
        glyph('G', ".###. #...# #.... #.### #...# #...# .####");
        glyph('H', "#...# #...# #...# ##### #...# #...# #...#");
        glyph('I', ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.");
        glyph('J', "..### ...#. ...#. ...#. ...#. #..#. .##..");
        glyph('K', "#...# #..#. #.#.. ##... #.#.. #..#. #...#");
        glyph('L', "#.... #.... #.... #.... #.... #.... #####");
        glyph('M', "#...# ##.## #.#.# #.#.# #...# #...# #...#");
        glyph('N', "#...# #...# ##..# #.#.# #..## #...# #...#");
        glyph('O', ".###. #...# #...# #...# #...# #...# .###.");
        glyph('P', "####. #...# #...# ####. #.... #.... #....");
        glyph('Q', ".###. #...# #...# #...# #.#.# #..#. .##.#");
        glyph('R', "####. #...# #...# ####. #.#.. #..#. #...#");
        glyph('S', ".#### #.... #.... .###. ....# ....# ####.");
        glyph('T', "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..");
        glyph('U', "#...# #...# #...# #...# #...# #...# .###.");
        glyph('V', "#...# #...# #...# #...# #...# .#.#. ..#..");
        glyph('W', "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.");
        glyph('X', "#...# #...# .#.#. ..#.. .#.#. #...# #...#");
        glyph('Y', "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..");
        glyph('Z', "##### ....# ...#. ..#.. .#... #.... #####");
        glyph('[', ".###. .#... .#... .#... .#... .#... .###.");
        glyph('\\', "..... #.... .#... ..#.. ...#. ....# .....");
        glyph(']', ".###. ...#. ...#. ...#. ...#. ...#. .###.");
        glyph('^', "..#.. .#.#. #...#");
        glyph('_', "..... ..... ..... ..... ..... ..... #####");
        glyph('`', ".#... ..#.. ...#.");
        glyph('a', "..... ..... .###. ....# .#### #...# .####");
        glyph('b', "#.... #.... #.##. ##..# #...# #...# ####.");
        glyph('c', "..... ..... .###. #.... #.... #...# .###.");
        glyph('d', "....# ....# .##.# #..## #...# #...# .####");
        glyph('e', "..... ..... .###. #...# ##### #.... .###.");
        glyph('f', "..##. .#..# .#... ###.. .#... .#... .#...");
        glyph('g', "..... ..... .#### #...# #...# #...# .#### ....# .###.");
        glyph('h', "#.... #.... #.##. ##..# #...# #...# #...#");
        glyph('i', "..#.. ..... .##.. ..#.. ..#.. ..#.. .###.");
        glyph('j', "...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..");
        glyph('k', "#.... #.... #..#. #.#.. ##... #.#.. #..#.");
        glyph('l', ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.");
        glyph('m', "..... ..... ##.#. #.#.# #.#.# #...# #...#");
        glyph('n', "..... ..... #.##. ##..# #...# #...# #...#");
        glyph('o', "..... ..... .###. #...# #...# #...# .###.");
        glyph('p', "..... ..... ####. #...# #...# #...# ####. #.... #....");
        glyph('q', "..... ..... .#### #...# #...# #...# .#### ....# ....#");
        glyph('r', "..... ..... #.##. ##..# #.... #.... #....");
        glyph('s', "..... ..... .#### #.... .###. ....# ####.");
        glyph('t', ".#... .#... ###.. .#... .#... .#..# ..##.");
        glyph('u', "..... ..... #...# #...# #...# #..## .##.#");
        glyph('v', "..... ..... #...# #...# #...# .#.#. ..#..");
        glyph('w', "..... ..... #...# #...# #.#.# #.#.# .#.#.");
        glyph('x', "..... ..... #...# .#.#. ..#.. .#.#. #...#");
        glyph('y', "..... ..... #...# #...# #...# #...# .#### ....# .###.");
        glyph('z', "..... ..... ##### ...#. ..#.. .#... #####");
        glyph('{', "...## ..#.. ..#.. .#... ..#.. ..#.. ...##");
        glyph('|', "..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#..");
        glyph('}', "##... ..#.. ..#.. ...#. ..#.. ..#.. ##...");
        glyph('~', "..... ..... .#... #.#.# ...#. ..... .....");
    }

    private BitmapFont() {
    }

    private static void glyph(char c, String rows) {
        String[] parts = rows.split(" ");
        boolean[][] bits = new boolean[GLYPH_HEIGHT][GLYPH_WIDTH];
        if (parts.length > GLYPH_HEIGHT) {
            throw new IllegalStateException("glyph '" + c + "' is too tall");
        }
        for (int y = 0; y < parts.length; y++) {
            if (parts[y].length() != GLYPH_WIDTH) {
                throw new IllegalStateException("glyph '" + c + "' has a row that is not " + GLYPH_WIDTH + " wide");
            }
            for (int x = 0; x < GLYPH_WIDTH; x++) {
                bits[y][x] = parts[y].charAt(x) == '#';
            }
        }
        GLYPHS.put(c, bits);
    }

    /** Whether the font has a glyph for the character (printable ASCII). */
    public static boolean canDisplay(char c) {
        return GLYPHS.containsKey(c);
    }

    /**
     * Folds text into what the font can draw: accents are dropped ("é" becomes "e"), line breaks and tabs
     * become spaces, anything else without a glyph becomes '?'.
     */
    public static String toDisplayable(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue; // the high surrogate already produced the '?'
            }
            if (Character.isWhitespace(c)) {
                out.append(' ');
            } else {
                out.append(canDisplay(c) ? c : '?');
            }
        }
        return out.toString();
    }

    /**
     * Draws one line of text with its top-left corner at (x, y), each font pixel as a
     * {@code scale x scale} square; whatever falls outside the image is clipped.
     */
    public static void drawText(RasterImage image, String text, int x, int y, int scale, int argb) {
        String displayable = toDisplayable(text);
        for (int i = 0; i < displayable.length(); i++) {
            boolean[][] bits = GLYPHS.get(displayable.charAt(i));
            int left = x + i * ADVANCE * scale;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if (bits[row][col]) {
                        image.fillRect(left + col * scale, y + row * scale, scale, scale, argb);
                    }
                }
            }
        }
    }
}
