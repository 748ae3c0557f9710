package io.github.camelpixazo.request;

import java.text.NumberFormat;
import java.util.Locale;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.error.UserText;

/**
 * What a prompt must be, wherever it came from (body, header or option), checked before anything is sent:
 * <ul>
 * <li>at most the gateway's {@link PromptLimit} for the model, counted in characters (code points) and, where the
 * gateway counts tokens, in UTF-8 bytes;</li>
 * <li>valid Unicode: no unpaired UTF-16 surrogate (a string cut in the middle of an emoji);</li>
 * <li>no U+FFFD, the replacement character a decoder writes for bytes it could not read: the text was decoded with
 * the wrong charset somewhere before;</li>
 * <li>at least one visible character ({@link UserText#isVisible}): a prompt of spaces, controls, zero-width or bidi
 * characters or lone combining marks only describes nothing;</li>
 * <li>no control characters other than tab, line feed and carriage return (NUL, escape, and U+0080 to U+009F, which
 * Windows-1252 text decoded as ISO-8859-1 produces).</li>
 * </ul>
 * The gateways document only "non-empty" (pixazo-gpt-image-api.txt); these rules make "empty" mean what a reader
 * sees. Format characters (zero-width joiners in emoji, bidi marks in right-to-left text) and combining marks are
 * allowed next to visible text.
 */
public final class PromptRules {

    private PromptRules() {
    }

    /**
     * @param  prompt                    the prompt as it will be sent
     * @param  given                     the prompt as the user gave it, quoted in messages
     * @throws PixazoValidationException on option {@code prompt} for the first rule broken
     */
    public static void check(String prompt, Object given, PromptLimit limit) {
        int characters = prompt.codePointCount(0, prompt.length());
        if (characters > limit.maxCharacters()) {
            NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            throw new PixazoValidationException("prompt", given, "is " + number.format(characters)
                    + " characters long; at most " + number.format(limit.maxCharacters()) + " are accepted ("
                    + limit.source() + "). Shorten it.");
        }
        if (limit.maxUtf8Bytes() > 0) {
            int bytes = prompt.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > limit.maxUtf8Bytes()) {
                NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
                throw new PixazoValidationException("prompt", given, "is " + number.format(bytes) + " bytes long in"
                        + " UTF-8; at most " + number.format(limit.maxUtf8Bytes()) + " are accepted (" + limit.source()
                        + "). Shorten it.");
            }
        }
        boolean visible = false;
        int control = -1;
        int controlPosition = 0;
        int position = 0;
        for (int i = 0; i < prompt.length(); position++) {
            char c = prompt.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < prompt.length()
                                              && Character.isLowSurrogate(prompt.charAt(i + 1)))) {
                throw new PixazoValidationException("prompt", given, "has an unpaired UTF-16 surrogate "
                        + UserText.codePoint(c) + " at character " + (position + 1) + ": it is not valid Unicode text"
                        + " (was a string cut in the middle of an emoji?).");
            }
            int cp = prompt.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xFFFD) {
                throw new PixazoValidationException("prompt", given, "contains U+FFFD, the replacement character, at"
                        + " character " + (position + 1) + ": bytes were decoded with the wrong charset before this"
                        + " step. Decode them with their charset (set CamelCharsetName) or send the bytes as the body.");
            }
            if (control < 0 && Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
                control = cp;
                controlPosition = position + 1;
            }
            visible |= UserText.isVisible(cp);
        }
        if (!visible) {
            throw new PixazoValidationException("prompt", given, "has no visible character (only spaces, control,"
                    + " zero-width, bidi or combining characters): write what the image should show.");
        }
        if (control >= 0) {
            throw new PixazoValidationException("prompt", given, "contains the control character "
                    + UserText.codePoint(control) + " at character " + controlPosition + "; a prompt may hold tabs and"
                    + " line breaks but no other control characters." + controlHint(control));
        }
    }

    private static String controlHint(int cp) {
        if (cp >= 0x80 && cp <= 0x9F) {
            return " U+0080 to U+009F usually mean Windows-1252 text read as ISO-8859-1: set CamelCharsetName to"
                   + " windows-1252.";
        }
        if (cp == 0) {
            return " NUL characters usually mean binary data, or UTF-16 text read in another charset: check"
                   + " CamelCharsetName.";
        }
        return "";
    }
}
