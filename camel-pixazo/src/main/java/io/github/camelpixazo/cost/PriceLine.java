package io.github.camelpixazo.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code key = value} of a price source, with where it was written ("line 12", "entry 3") and the option that
 * brought it ({@code priceFile} and its value; null for the published list) so that a problem names both.
 */
record PriceLine(String key, String value, String where, String option, String optionValue) {

    /** The same line under another key (its normalised form). */
    PriceLine withKey(String newKey) {
        return new PriceLine(newKey, value, where, option, optionValue);
    }

    /**
     * The lines of a price file: {@code key = value} (split at the first {@code =}; unlike a Java properties file a
     * {@code :} is not a separator), {@code #} or {@code !} comment lines and blank lines skipped, a {@code " #"}
     * after a value starts a comment.
     *
     * @param problems receives (where, problem) for a line that is not {@code key = value}
     */
    static List<PriceLine> parseFile(String text, String option, String optionValue, ProblemSink problems) {
        List<PriceLine> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            add(lines, line, "line " + (i + 1), option, optionValue, problems);
        }
        return lines;
    }

    /** The entries of the {@code prices} option: {@code key=value} separated by commas, semicolons or line ends. */
    static List<PriceLine> parseEntries(String text, String option, ProblemSink problems) {
        List<PriceLine> lines = new ArrayList<>();
        int n = 0;
        for (String entry : text.split("[,;\r\n]+")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            n++;
            add(lines, trimmed, "entry " + n + " ('" + trimmed + "')", option, text, problems);
        }
        return lines;
    }

    private static void add(List<PriceLine> lines, String line, String where, String option, String optionValue,
                            ProblemSink problems) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            problems.report(where, "expected key = value, e.g. pixazo.gpt-image-2.1024x1024.high = 0.211");
            return;
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        int comment = value.indexOf(" #");
        if (comment >= 0) {
            value = value.substring(0, comment).strip();
        }
        lines.add(new PriceLine(key, value, where, option, optionValue));
    }

    /** Where problems go: each names the line or entry; the sink decides what to throw. */
    @FunctionalInterface
    interface ProblemSink {
        void report(String where, String problem);
    }
}
