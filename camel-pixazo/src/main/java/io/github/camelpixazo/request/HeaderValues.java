package io.github.camelpixazo.request;

import java.util.Locale;
import java.util.Optional;

/**
 * What an HTTP header value may hold, checked before a request is built: the JDK's client refuses a line break or a
 * control character with an {@link IllegalArgumentException} whose message quotes the whole value (an API key
 * included), and sends characters U+0080 to U+00FF as single bytes no server reads as meant. Values built from user
 * input (the API key, a webhook URL) are checked here so that the failure names the option and the character, never
 * the value. Source: RFC 9110 section 5.5 (field values: visible US-ASCII, space and tab; obs-text is obsolete).
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * The first character a header value cannot carry, described with its position ("contains a line break (U+000A)
     * at position 41 of 42"), or empty when every character is visible US-ASCII, a space or a tab. Never quotes the
     * value.
     */
    public static Optional<String> problem(String value) {
        return firstOutside(value, true);
    }

    /**
     * The first character a token such as an API key cannot hold: only visible US-ASCII (letters, digits,
     * punctuation), no space of any kind, described as {@link #problem} does.
     */
    public static Optional<String> tokenProblem(String value) {
        return firstOutside(value, false);
    }

    private static Optional<String> firstOutside(String value, boolean spacesAllowed) {
        int length = value.codePointCount(0, value.length());
        int position = 0;
        for (int i = 0; i < value.length();) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            boolean visible = cp >= 0x21 && cp <= 0x7E;
            boolean space = spacesAllowed && (cp == ' ' || cp == '\t');
            if (!visible && !space) {
                return Optional.of("contains " + describe(cp) + " at position " + position + " of " + length);
            }
        }
        return Optional.empty();
    }

    /** A character as a message names it, without showing it: "a line break (U+000A)". */
    public static String describe(int codePoint) {
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        String name = switch (codePoint) {
            case '\n' -> "a line break";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            case ' ' -> "a space";
            case 0xA0 -> "a no-break space";
            case 0x200B -> "a zero-width space";
            case 0x200C, 0x200D -> "a zero-width joiner";
            case 0x2028, 0x2029 -> "a line separator";
            case 0xFEFF -> "a byte-order mark";
            default -> Character.isISOControl(codePoint) ? "a control character"
                    : Character.isSpaceChar(codePoint) ? "a space character"
                    : Character.getType(codePoint) == Character.FORMAT ? "an invisible formatting character"
                    : "a character outside US-ASCII";
        };
        return name + " (" + code + ")";
    }
}
