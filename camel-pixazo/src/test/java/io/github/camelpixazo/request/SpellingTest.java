package io.github.camelpixazo.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest {

    private static final List<String> OPTIONS = List.of("size", "n", "quality", "format", "jobTimeout", "readTimeout",
            "connectTimeout", "apiKey", "outputCompression", "waitForCompletion");

    @Test
    void findsOneTypo() {
        assertEquals(List.of("size"), Spelling.closest("sise", OPTIONS));
        assertEquals(List.of("size"), Spelling.closest("szie", OPTIONS), "two neighbours swapped count as one edit");
        assertEquals(List.of("quality"), Spelling.closest("qualty", OPTIONS));
        assertEquals(List.of("waitForCompletion"), Spelling.closest("waitForComplete", OPTIONS));
    }

    @Test
    void ignoresCaseDashesAndUnderscores() {
        assertEquals(List.of("outputCompression"), Spelling.closest("output_compression", OPTIONS));
        assertEquals(List.of("apiKey"), Spelling.closest("API-KEY", OPTIONS));
    }

    @Test
    void findsTheOptionsThatContainAWord() {
        assertEquals(List.of("jobTimeout", "readTimeout", "connectTimeout"), Spelling.closest("timeout", OPTIONS));
        assertEquals(List.of("apiKey"), Spelling.closest("key", OPTIONS));
    }

    @Test
    void suggestsNothingFarAwayNorForAKnownWord() {
        assertEquals(List.of(), Spelling.closest("upscale", List.of("generate", "edit", "status")));
        assertEquals(List.of(), Spelling.closest("size", OPTIONS));
        assertEquals("", Spelling.didYouMean("dall-e-3", List.of("gpt-image-2", "gpt-image-1.5")));
    }

    @Test
    void saysItAsAQuestion() {
        assertEquals(" Did you mean 'high'?", Spelling.didYouMean("hgh", List.of("low", "medium", "high", "auto")));
        assertEquals(" Did you mean 'gpt-image-2' or 'gpt-image-1.5'?",
                Spelling.didYouMean("gpt-image-1", List.of("gpt-image-2", "gpt-image-1.5")));
        assertEquals(" Did you mean 'generate'?", Spelling.didYouMean("generat", List.of("generate", "edit", "status")));
    }
}
