package io.github.camelpixazo.producer;

import java.util.HashMap;
import java.util.Map;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per kind of bad input that used to reach the gateway (issue 10 §6): each input of the kind is rejected
 * with a {@link PixazoValidationException} that names the option and quotes the value as the user gave it, and the
 * gateway receives nothing. docs/reliability.adoc lists these kinds.
 */
class BadInputTest extends PixazoTestSupport {

    @AfterEach
    void nothingReachedTheGateway() {
        assertEquals(0, gateway.apiRequests().size(), "requests that reached the gateway");
        assertEquals(0, gateway.mediaRequests().size(), "requests that reached the media host");
    }

    @Test
    void uriTextThatCamelWouldConvertToAnotherValue() {
        // Camel reads each of these as another value (0, 0 ms, an overflowed int, one minute): quoted as written
        assertRejectedEndpoint("pixazo:generate?n=abc", "n", "abc", "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?n=2.0", "n", "2.0", "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?n=99999999999", "n", "99999999999", "too large");
        assertRejectedEndpoint("pixazo:generate?outputCompression=1.5&format=jpeg", "outputCompression", "1.5",
                "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?maxRetries=abc", "maxRetries", "abc", "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?pollInterval=-1s", "pollInterval", "-1s", "must not be negative");
        assertRejectedEndpoint("pixazo:generate?retryDelay=-5s", "retryDelay", "-5s", "must not be negative");
        assertRejectedEndpoint("pixazo:generate?pollInterval=abc", "pollInterval", "abc", "not a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=5S", "jobTimeout", "5S", "not a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=1m30", "jobTimeout", "1m30", "not a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=PT5X", "jobTimeout", "PT5X", "not an ISO-8601 duration");
        assertRejectedEndpoint("pixazo:generate?pollBackoffMultiplier=abc", "pollBackoffMultiplier", "abc",
                "must be a decimal number");
        assertRejectedEndpoint("pixazo:generate?download=maybe", "download", "maybe", "must be true or false");
    }

    @Test
    void rangeMessagesQuoteTheTextAsWritten() {
        assertRejectedEndpoint("pixazo:generate?pollInterval=-1", "pollInterval", "-1", "must be positive");
        assertRejectedEndpoint("pixazo:generate?pollInterval=1h30m&maxPollInterval=20000", "maxPollInterval", "20000",
                "must not be shorter than pollInterval (1h30m)");
        assertRejectedEndpoint("pixazo:generate?maxRetries=0101", "maxRetries", "0101", "between 0 and 100");
        assertRejectedEndpoint("pixazo:generate?pollBackoffMultiplier=0.50", "pollBackoffMultiplier", "0.50",
                "between 1");
        assertRejectedEndpoint("pixazo:generate?n=011", "n", "011", "between 1 and 10");
        assertRejectedEndpoint("pixazo:generate?size=1000 X 1000", "size", "1000 X 1000", "multiples of 16");
        assertRejectedEndpoint("pixazo:generate?background=Transparent", "background", "Transparent",
                "gpt-image-2 does not support transparent");
        assertRejectedEndpoint("pixazo:generate?model=GPT_IMAGE_1_5&moderation=low", "moderation", "low",
                "Pixazo documents no moderation");
        // headers: a Long beyond int range used to wrap (2^40 became 0), a fraction was cut to a whole number
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.N, 1L << 40), "n", "1099511627776",
                "whole number");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.N, 2.5), "n", "2.5", "whole number");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.SIZE, "1536 × 1000"), "size",
                "1536 × 1000", "multiples of 16");
    }

    @Test
    void promptWithNoVisibleCharacter() {
        // controls only, zero-width and format characters, bidi controls, unusual spaces, lone combining marks,
        // Hangul fillers and the blank Braille pattern: not blank to String.isBlank(), yet nothing to see
        assertRejectedPrompt("\u0000\u0007\u001b", "\\u0000\\u0007\\u001B", "has no visible character");
        assertRejectedPrompt("\u200b\u200c\u200d\u2060\ufeff", "\\u200B\\u200C\\u200D\\u2060\\uFEFF",
                "has no visible character");
        assertRejectedPrompt("\u200e\u202e\u2066 \u2069", "\\u200E\\u202E\\u2066 \\u2069", "has no visible character");
        assertRejectedPrompt("\u00a0\u3000", "\\u00A0\\u3000", "has no visible character");
        assertRejectedPrompt("\u0301\u0308", "\\u0301\\u0308", "has no visible character");
        assertRejectedPrompt("\u3164\u2800", "\\u3164\\u2800", "has no visible character");
        // the same through the header and the endpoint option
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.PROMPT, "\u200b"), "prompt", "\\u200B",
                "has no visible character");
        assertRejectedEndpoint("pixazo:generate?prompt=%E2%80%8B", "prompt", "\\u200B", "has no visible character");
    }

    @Test
    void promptWithControlCharacters() {
        assertRejectedPrompt("a cat\u0000", "a cat\\u0000", "control character U+0000 at character 6");
        assertRejectedPrompt("\u0093smart quotes\u0094", "\\u0093smart quotes\\u0094", "windows-1252");
        assertRejectedPrompt("a \u001b[31mred\u001b[0m cat", "a \\u001B[31mred\\u001B[0m cat", "U+001B");
    }

    @Test
    void promptThatIsNotValidUnicode() {
        assertRejectedPrompt("a smiling cat \ud83d", "a smiling cat \\uD83D", "unpaired UTF-16 surrogate U+D83D");
        assertRejectedPrompt("caf\ufffd au lait", "caf\\uFFFD au lait", "the replacement character");
    }

    @Test
    void promptLongerThanTheModelAccepts() {
        String prompt = "a".repeat(32_001);
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:generate", prompt));
        assertRejection(e, "32,001 characters", "prompt", "a".repeat(117) + "...",
                "is 32,001 characters long; at most 32,000 are accepted (Pixazo documents no limit;");
        assertRejectedMessage("pixazo:generate?model=gpt-image-1.5", "a cat",
                Map.of(PixazoConstants.PROMPT, "\ud83d\ude00".repeat(32_001)), "prompt", "\ud83d\ude00".repeat(117) + "...",
                "is 32,001 characters long");
    }

    // --- helpers ---

    private void assertRejectedPrompt(String prompt, String quoted, String problem) {
        assertRejectedMessage("pixazo:generate", prompt, Map.of(), "prompt", quoted, problem);
    }

    private void assertRejectedEndpoint(String uri, String option, String quoted, String problem) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri).createProducer(), uri);
        assertRejection(causeOf(e), uri, option, quoted, problem);
    }

    private void assertRejectedMessage(String uri, Object body, Map<String, Object> headers, String option,
                                       String quoted, String problem) {
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBodyAndHeaders(uri, body, new HashMap<>(headers)));
        assertRejection(e, uri + " " + headers, option, quoted, problem);
    }

    private static void assertRejection(PixazoValidationException e, String input, String option, String quoted,
                                        String problem) {
        assertNotNull(e, "no PixazoValidationException for " + input);
        assertEquals(option, e.getOption(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid option '" + option + "' = '" + quoted + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
    }

    private static PixazoValidationException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PixazoValidationException validation) {
                return validation;
            }
        }
        return null;
    }
}
