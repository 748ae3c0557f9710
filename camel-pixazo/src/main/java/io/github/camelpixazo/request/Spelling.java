package io.github.camelpixazo.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for names and values a user misspelt: option names in a URI, the operation, enumerated values.
 * A candidate is close when, ignoring case, '-' and '_', it is the same word, is at most about a third of its letters
 * away (insertions, deletions, substitutions and swaps of two neighbours), or contains the given word (so
 * {@code timeout} finds {@code jobTimeout}, {@code readTimeout}, ...).
 * <p>
 * Camel's own suggester ({@code CatalogSuggestionStrategy}) lives in camel-catalog, which embeds the catalog of every
 * Camel component; this small distance is all it would bring here (see docs/design.adoc).
 */
public final class Spelling {

    /** At most this many suggestions: more is a list, not a hint. */
    private static final int MAX_SUGGESTIONS = 3;

    private Spelling() {
    }

    /**
     * The known words closest to {@code given}, best first.
     *
     * @return at most three candidates; empty when none is close (or {@code given} is itself known)
     */
    public static List<String> closest(String given, Collection<String> known) {
        if (given == null || given.isBlank()) {
            return List.of();
        }
        String wanted = normalize(given);
        record Scored(String word, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : new LinkedHashSet<>(known)) {
            String word = normalize(candidate);
            if (word.equals(wanted)) {
                if (candidate.equals(given)) {
                    return List.of(); // not misspelt at all
                }
                scored.add(new Scored(candidate, 0));
                continue;
            }
            int distance = distance(wanted, word);
            int allowed = Math.max(1, Math.min(wanted.length(), word.length()) / 3);
            if (distance <= allowed) {
                scored.add(new Scored(candidate, distance));
            } else if (wanted.length() >= 3 && (word.contains(wanted) || wanted.contains(word) && word.length() >= 3)) {
                scored.add(new Scored(candidate, allowed + 1 + Math.abs(word.length() - wanted.length())));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score)).limit(MAX_SUGGESTIONS)
                .map(Scored::word).toList();
    }

    /**
     * A sentence to append to an error message: {@code " Did you mean 'size'?"}, {@code " Did you mean 'a' or 'b'?"},
     * or {@code ""} when nothing is close.
     */
    public static String didYouMean(String given, Collection<String> known) {
        List<String> close = closest(given, known);
        if (close.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" Did you mean '").append(close.get(0)).append('\'');
        for (int i = 1; i < close.size(); i++) {
            text.append(i == close.size() - 1 ? " or '" : ", '").append(close.get(i)).append('\'');
        }
        return text.append('?').toString();
    }

    /** The word users mean: case, '-' and '_' do not matter (Camel binds options ignoring case and dashes). */
    static String normalize(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters ("szie"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
