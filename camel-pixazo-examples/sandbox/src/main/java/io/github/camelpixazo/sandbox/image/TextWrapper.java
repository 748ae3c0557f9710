package io.github.camelpixazo.sandbox.image;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping into fixed-width lines, for a monospaced bitmap font. */
final class TextWrapper {

    private static final String ELLIPSIS = "...";

    private TextWrapper() {
    }

    /**
     * Wraps at spaces; words longer than a line are cut. When the text needs more than {@code maxLines},
     * the last line ends with "..." so a reader sees the prompt was cut.
     */
    static List<String> wrap(String text, int columns, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (columns < 1 || maxLines < 1) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            while (word.length() > columns) { // cut overlong words
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        int room = Math.max(0, columns - ELLIPSIS.length());
        kept.set(maxLines - 1, (last.length() > room ? last.substring(0, room) : last) + ELLIPSIS);
        return kept;
    }
}
