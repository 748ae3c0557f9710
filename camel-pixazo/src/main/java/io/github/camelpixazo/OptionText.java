package io.github.camelpixazo;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpixazo.error.PixazoValidationException;

/**
 * Checks the text of a number, duration or boolean option before Camel converts it, because Camel's conversion does
 * not always fail on bad text: it reads {@code n=abc} and {@code n=2.0} as 0, {@code 99999999999} as an overflowed
 * int, {@code pollInterval=-1s}, {@code abc} or {@code 5S} as 0 ms and {@code 1m30} as one minute
 * ({@code PropertyConfigurerSupport.property} tries {@code TimeUtils.toMilliSeconds} on any text for an int or long,
 * and {@code DurationConverter} uses it for durations). A value Camel would change is rejected here, quoting the text
 * as it was written; what passes converts to exactly the value it says.
 */
final class OptionText {

    // no '+': Camel does not read "+2" as 2 (it was refused as out of range)
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Camel's duration syntax, units in this order and lower case: 1d2h3m4s5ms, 1h30m, 500ms, 15m. */
    private static final Pattern CAMEL_DURATION =
            Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final String DURATION_FORMS = "write a duration as milliseconds (5000) or with the units d, h, m,"
                                                 + " s and ms in that order and in lower case (5s, 500ms, 1m30s, 15m),"
                                                 + " or in ISO-8601 (PT5S).";

    private OptionText() {
    }

    /**
     * As {@link #check(String, String, String, String)}, for a value Camel decoded from an endpoint URI: a rejected
     * value is quoted as the URI shows it ({@code written}), and when the URI had a {@code +}, which Camel decodes to
     * a space as in an HTML form (also when written {@code %2B}), the message says so.
     *
     * @param written the value as the endpoint URI shows it, or null when unknown
     */
    static void check(String option, String type, String javaType, String text, String written) {
        try {
            check(option, type, javaType, text);
        } catch (PixazoValidationException e) {
            if (written == null || written.equals(text) || written.startsWith("RAW(") || written.startsWith("RAW{")) {
                throw e;
            }
            String plus = written.contains("+") ? " In an endpoint URI Camel reads '+' (also written %2B) as a space,"
                    + " as in a web form; write " + option + "=" + written.replace("+", "") + "." : "";
            throw new PixazoValidationException(option, written, e.getProblem() + plus);
        }
    }

    /**
     * @param  type                       the catalog type: {@code integer}, {@code number}, {@code boolean},
     *                                    {@code duration}; other types are not checked here
     * @param  javaType                   the catalog Java type, for the range of an integer
     * @throws PixazoValidationException naming the option and quoting {@code text} unless Camel converts it faithfully
     */
    static void check(String option, String type, String javaType, String text) {
        if (text.startsWith("#")) {
            return; // a bean reference (#name, #bean:name): Camel looks it up
        }
        switch (type) {
            case "integer" -> integer(option, javaType, text);
            case "number" -> number(option, text);
            case "boolean" -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new PixazoValidationException(option, text, "must be true or false.");
                }
            }
            case "duration" -> duration(option, text);
            default -> {
                // strings and enumerations arrive unconverted; the validator checks them
            }
        }
    }

    private static void integer(String option, String javaType, String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new PixazoValidationException(option, text, "must be a whole number, e.g. " + example(option) + ".");
        }
        boolean isLong = javaType.equals("long") || javaType.equals("java.lang.Long");
        try {
            if (isLong) {
                Long.parseLong(text);
            } else {
                Integer.parseInt(text);
            }
        } catch (NumberFormatException tooLarge) {
            throw new PixazoValidationException(option, text, "is too large a number.");
        }
    }

    private static String example(String option) {
        return option.equals("n") ? "n=2" : option + "=3";
    }

    private static void number(String option, String text) {
        if (!NUMBER.matcher(text).matches() || !Double.isFinite(Double.parseDouble(text))) {
            throw new PixazoValidationException(option, text, "must be a decimal number, e.g. 1.5.");
        }
    }

    private static void duration(String option, String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                Long.parseLong(text);
                return; // milliseconds; a negative number stays negative and is reported by the range check
            } catch (NumberFormatException tooLarge) {
                throw new PixazoValidationException(option, text, "is too long a duration.");
            }
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("P") || upper.startsWith("-P")) {
            Duration parsed;
            try {
                parsed = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new PixazoValidationException(option, text, "is not an ISO-8601 duration; " + DURATION_FORMS);
            }
            try {
                parsed.toMillis(); // what Camel's DurationConverter does, with an untyped ArithmeticException
                return;
            } catch (ArithmeticException tooLong) {
                throw new PixazoValidationException(option, text, "is too long a duration.");
            }
        }
        if (text.startsWith("-")) {
            throw new PixazoValidationException(option, text, "must not be negative (Camel would read it as 0 ms); "
                    + DURATION_FORMS);
        }
        Matcher m = CAMEL_DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new PixazoValidationException(option, text, "is not a duration Camel reads as written; "
                    + DURATION_FORMS);
        }
        try {
            long millis = 0;
            long[] unit = { 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L };
            for (int i = 0; i < unit.length; i++) {
                if (m.group(i + 1) != null) {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(m.group(i + 1)), unit[i]));
                }
            }
        } catch (ArithmeticException | NumberFormatException tooLong) {
            throw new PixazoValidationException(option, text, "is too long a duration.");
        }
    }
}
