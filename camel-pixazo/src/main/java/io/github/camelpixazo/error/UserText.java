package io.github.camelpixazo.error;

import java.util.Locale;
import java.util.Set;

/**
 * Text as a user gave it, shown in messages so that a reader sees exactly what was there: invisible characters
 * (controls, zero-width and bidi marks, unusual spaces, a lone combining mark) appear as Java escapes (a backslash,
 * {@code u} and the hex code: U+200B shows as backslash-u200B), long values are cut after 120 characters, bytes show
 * their size and first bytes in hex.
 * <p>
 * It also says which characters are <em>visible</em>: letters, digits, punctuation and symbols (Unicode general
 * categories L, N, P and S), except the few of them that draw nothing: the Hangul fillers U+115F, U+1160, U+3164
 * and U+FFA0 (Unicode's default-ignorable letters) and the blank Braille pattern U+2800. Spaces (Zs, Zl, Zp),
 * controls (Cc), format characters (Cf: zero-width spaces and joiners, bidi marks, the byte-order mark), combining
 * marks (M, which draw only on another character), private-use and unassigned code points are not visible.
 */
public final class UserText {

    /** The most characters of a value a message shows. */
    static final int MAX_SHOWN = 120;

    private static final Set<Integer> BLANK_LETTERS_AND_SYMBOLS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private UserText() {
    }

    /** Whether a code point draws something by itself (see the class comment). */
    public static boolean isVisible(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return !BLANK_LETTERS_AND_SYMBOLS.contains(codePoint);
            default:
                return false;
        }
    }

    /** A code point as a message shows it: {@code U+200B}. */
    public static String codePoint(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    /**
     * The value for a message: text with invisible characters escaped and cut after {@value #MAX_SHOWN} characters,
     * {@code byte[]} as {@code <1234 bytes: 89 50 4e 47 ...>}.
     */
    public static String quote(Object value) {
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("<").append(bytes.length).append(" bytes");
            for (int i = 0; i < Math.min(8, bytes.length); i++) {
                hex.append(i == 0 ? ": " : " ").append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
            }
            return hex.append(bytes.length > 8 ? " ...>" : ">").toString();
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        int characters = 0; // shown so far, in code points
        boolean afterVisible = false;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String shown = show(cp, afterVisible);
            int length = shown.codePointCount(0, shown.length());
            if (characters + length > MAX_SHOWN - 3 && i < text.length()) {
                return out.append("...").toString();
            }
            out.append(shown);
            characters += length;
            boolean mark = Character.getType(cp) == Character.NON_SPACING_MARK
                           || Character.getType(cp) == Character.ENCLOSING_MARK
                           || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            afterVisible = isVisible(cp) || (afterVisible && mark);
        }
        return out.toString();
    }

    private static String show(int cp, boolean afterVisible) {
        if (cp == ' ' || isVisible(cp) && cp != 0xFFFD) { // U+FFFD draws as '?' in a box: escaped, to be unmistakable
            return new String(Character.toChars(cp));
        }
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int type = Character.getType(cp);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                       || type == Character.COMBINING_SPACING_MARK;
        if (mark && afterVisible) {
            return new String(Character.toChars(cp)); // an accent on a letter: shown as written
        }
        return cp <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04X", cp) : String.format(Locale.ROOT, "\\u{%X}", cp);
    }
}
