package io.github.camelpixazo.request;

/**
 * The longest prompt one model accepts at one gateway, in characters (Unicode code points, as a user counts them:
 * an emoji is one), and where that number comes from, for messages and docs.
 *
 * @param maxCharacters the most characters a prompt may have
 * @param source        where the limit is documented, or why it was chosen where no gateway documents one
 */
public record PromptLimit(int maxCharacters, String source) {

    public PromptLimit {
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("maxCharacters must be positive");
        }
    }
}
