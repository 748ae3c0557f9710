package io.github.camelpixazo.sandbox.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapperTest {

    @Test
    void wrapsAtSpaces() {
        assertEquals(List.of("a serene", "sunset over", "mountains"), TextWrapper.wrap("a serene sunset over mountains", 11, 5));
    }

    @Test
    void cutsWordsLongerThanALine() {
        assertEquals(List.of("abcde", "fghij", "k xy"), TextWrapper.wrap("abcdefghijk xy", 5, 5));
    }

    @Test
    void marksTruncationWithAnEllipsis() {
        assertEquals(List.of("one two", "thre..."), TextWrapper.wrap("one two three four five", 7, 2));
    }

    @Test
    void collapsesRunsOfSpaces() {
        assertEquals(List.of("a b"), TextWrapper.wrap("  a    b  ", 10, 3));
    }
}
