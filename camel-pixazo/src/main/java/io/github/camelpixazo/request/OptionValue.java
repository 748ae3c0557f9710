package io.github.camelpixazo.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.camelpixazo.error.PixazoValidationException;

/** An enumerated option value in the user's vocabulary (what goes in a URI, a header or a YAML route). */
public interface OptionValue {

    /** The value as users write it, e.g. {@code gpt-image-1.5} or {@code high}. */
    String value();

    /** Extra spellings accepted for this value (e.g. {@code jpg} for {@code jpeg}). */
    default String[] aliases() {
        return new String[0];
    }

    /**
     * Parses a user value leniently (case, surrounding blanks, '_' for '-', declared aliases) and fails naming the option,
     * the allowed values and, when one is close, the value the user probably meant ({@code hgh}: "Did you mean 'high'?").
     *
     * @return null when raw is null or blank (the option is not set)
     */
    static <E extends Enum<E> & OptionValue> E parse(Class<E> type, String option, Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        String wanted = normalize(raw.toString());
        for (E candidate : type.getEnumConstants()) {
            if (normalize(candidate.value()).equals(wanted) || normalize(candidate.name()).equals(wanted)
                || Arrays.stream(candidate.aliases()).map(OptionValue::normalize).anyMatch(wanted::equals)) {
                return candidate;
            }
        }
        List<String> values = Arrays.stream(type.getEnumConstants()).map(OptionValue::value).toList();
        throw new PixazoValidationException(option, raw, "allowed values are " + allowed(type) + "."
                + Spelling.didYouMean(raw.toString(), values));
    }

    /** The allowed values of an option, comma separated, as shown in error messages and docs. */
    static <E extends Enum<E> & OptionValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(OptionValue::value).collect(Collectors.joining(", "));
    }

    private static String normalize(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
