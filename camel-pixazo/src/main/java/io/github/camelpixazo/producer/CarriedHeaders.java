package io.github.camelpixazo.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.store.JobRecord;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The option {@code carryHeaders}: which message headers a submit-only job records, and how their values are made
 * JSON-safe. Names are compared without regard to case (as Camel's headers are); a trailing {@code *} matches every
 * header starting with what precedes it. {@code String}, {@code Boolean} and finite numbers are stored as they are
 * (numbers as JSON gives them back: see {@link JobRecord}); any other value (a {@code Date}, a {@code File}, an
 * enum, ...) is converted to a {@code String} with Camel's type converter; a value that does not convert fails the
 * message before the submit, naming the header.
 */
public final class CarriedHeaders {

    private static final CarriedHeaders NONE = new CarriedHeaders(List.of(), List.of());

    private final List<String> names;
    private final List<String> prefixes;

    private CarriedHeaders(List<String> names, List<String> prefixes) {
        this.names = names;
        this.prefixes = prefixes;
    }

    /**
     * Parses the option's text.
     *
     * @throws PixazoValidationException on option {@code carryHeaders} for an empty name or a {@code *} that is not
     *                                   last
     */
    public static CarriedHeaders parse(String option) {
        if (option == null || option.isBlank()) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String part : option.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw new PixazoValidationException("carryHeaders", option, "has an empty header name: write"
                        + " comma-separated names such as CamelFileName,myapp*.");
            }
            int star = name.indexOf('*');
            if (star >= 0 && star != name.length() - 1) {
                throw new PixazoValidationException("carryHeaders", option, "a * may only end a name (a prefix such as"
                        + " myapp*), found in '" + name + "'.");
            }
            if (star >= 0) {
                prefixes.add(name.substring(0, star).toLowerCase(Locale.ROOT));
            } else {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new CarriedHeaders(List.copyOf(names), List.copyOf(prefixes));
    }

    /**
     * The most a job record carries: the characters of the carried headers' names and values (as Strings) together.
     * Checked before the submit, so a message over it is rejected before anything is billed.
     */
    public static final int MAX_CARRIED_CHARACTERS = 64 * 1024;

    /** Whether any header is carried. */
    public boolean isEmpty() {
        return names.isEmpty() && prefixes.isEmpty();
    }

    /** Whether {@code header} is carried. */
    public boolean matches(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return names.contains(lower) || prefixes.stream().anyMatch(lower::startsWith);
    }

    /**
     * The carried headers of the exchange's message, in the message's order, with JSON-safe values.
     *
     * @throws PixazoValidationException on option {@code carryHeaders}, naming the header whose value does not
     *                                   convert to a String, or at which the headers pass
     *                                   {@link #MAX_CARRIED_CHARACTERS} (never quoting the value)
     */
    public Map<String, Object> select(Exchange exchange) {
        if (isEmpty()) {
            return Map.of();
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            if (!matches(header.getKey())) {
                continue;
            }
            Object value = header.getValue();
            if (value instanceof byte[] bytes && bytes.length > MAX_CARRIED_CHARACTERS) {
                throw tooLarge(header.getKey(), bytes.length);
            }
            if (!JobRecord.isJsonSafe(value)) {
                Object converted = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, value);
                if (converted == null) {
                    throw new PixazoValidationException("carryHeaders", null, "the header " + header.getKey() + " holds a "
                            + value.getClass().getName() + " that Camel's type converter cannot turn into a String;"
                            + " set the header to a String, number or boolean before the pixazo call, or stop carrying"
                            + " it.");
                }
                value = converted;
            }
            long size = header.getKey().length() + (value == null ? 0 : String.valueOf(value).length());
            total += size;
            if (total > MAX_CARRIED_CHARACTERS) {
                throw tooLarge(header.getKey(), total);
            }
            selected.put(header.getKey(), value);
        }
        return selected;
    }

    private static PixazoValidationException tooLarge(String header, long size) {
        return new PixazoValidationException("carryHeaders", null, "the carried headers reach " + size
                + " characters at header " + header + ", more than the " + MAX_CARRIED_CHARACTERS + " a job record"
                + " keeps (records stay in the store's memory and are rewritten on every poll): carry a key such as a"
                + " file name or an id, not content.");
    }

    /** Puts carried headers back on a message (the pixazo:jobs exchange). */
    public static void putBack(Message message, Map<String, Object> headers) {
        headers.forEach(message::setHeader);
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(names);
        prefixes.forEach(prefix -> all.add(prefix + "*"));
        return String.join(",", all);
    }
}
