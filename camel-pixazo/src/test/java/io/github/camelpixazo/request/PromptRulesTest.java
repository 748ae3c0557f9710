package io.github.camelpixazo.request;

import io.github.camelpixazo.error.PixazoValidationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edges of the prompt rules: what counts as visible, and how characters are counted. */
class PromptRulesTest {

    private static final PromptLimit LIMIT = new PromptLimit(10, "test limit");

    @ParameterizedTest
    @ValueSource(strings = { "a", "\u732b", "\ud83d\ude00", "\u0661", "\u2014", "?", "+",
            "\u200f\u05e9\u05dc\u05d5\u05dd\u200f", // Hebrew between right-to-left marks
            "\ud83d\udc69\u200d\ud83d\udcbb", // an emoji joined by a zero-width joiner
            "e\u0301", "\u00a0a\u3000", "a\tb\r\nc" })
    void acceptsPromptsWithSomethingToSee(String prompt) {
        assertDoesNotThrow(() -> PromptRules.check(prompt, prompt, new PromptLimit(100, "test")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200b\u200c\u200d\u2060\ufeff", "\u200e\u202e\u2066\u2069", "\u00a0\u3000\u205f",
            "\u0301\u0308", "\u3164\u115f\u1160\uffa0\u2800", "\ue000", "\u0001\u0002", "\u2028\u2029" })
    void rejectsPromptsWithNothingToSee(String prompt) {
        PixazoValidationException e = assertThrows(PixazoValidationException.class,
                () -> PromptRules.check(prompt, prompt, LIMIT));
        assertTrue(e.getMessage().contains("has no visible character"), e.getMessage());
    }

    @Test
    void countsCharactersAsCodePoints() {
        String tenEmoji = "\ud83d\ude00".repeat(10); // 20 UTF-16 chars
        assertDoesNotThrow(() -> PromptRules.check(tenEmoji, tenEmoji, LIMIT));
        String eleven = "abcdefghijk";
        PixazoValidationException e = assertThrows(PixazoValidationException.class,
                () -> PromptRules.check(eleven, eleven, LIMIT));
        assertEquals("Invalid option 'prompt' = 'abcdefghijk': is 11 characters long; at most 10 are accepted (test"
                     + " limit). Shorten it.", e.getMessage());
    }

    @Test
    void theLimitIsTheGatewaysForEachModel() {
        GatewayCapabilities pixazo = new io.github.camelpixazo.gateway.PixazoGateway();
        for (ImageModel model : ImageModel.values()) {
            assertEquals(32_000, pixazo.promptLimit(model).maxCharacters(), model.value());
        }
    }
}
