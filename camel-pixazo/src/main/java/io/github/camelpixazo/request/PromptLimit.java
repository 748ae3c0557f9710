package io.github.camelpixazo.request;

/**
 * The longest prompt one model accepts at one gateway, in characters (Unicode code points, as a user counts them:
 * an emoji is one) and optionally in UTF-8 bytes, and where that number comes from, for messages and docs.
 *
 * @param maxCharacters the most characters a prompt may have
 * @param maxUtf8Bytes  the most UTF-8 bytes a prompt may have, or 0 for no byte bound. A byte bound stands in for a
 *                      token limit that cannot be counted exactly without the gateway's tokenizer: a byte-level BPE
 *                      token (the GPT tokenizers) covers at least one byte, so N bytes never exceed N tokens.
 * @param source        where the limit is documented, or why it was chosen where no gateway documents one
 */
public record PromptLimit(int maxCharacters, int maxUtf8Bytes, String source) {

    public PromptLimit {
        if (maxCharacters < 1 || maxUtf8Bytes < 0) {
            throw new IllegalArgumentException("maxCharacters must be positive and maxUtf8Bytes not negative");
        }
    }

    /** A limit in characters only. */
    public PromptLimit(int maxCharacters, String source) {
        this(maxCharacters, 0, source);
    }
}
