package io.github.camelpixazo;

import java.time.Duration;
import java.util.Locale;

import io.github.camelpixazo.error.PixazoValidationException;

import org.apache.camel.util.TimeUtils;

/**
 * The text of a duration option read as an endpoint URI reads it, for configuration that does not pass through a URI
 * (the Spring Boot starter's {@code camel.component.pixazo.*}), so that a value means the same wherever it is written:
 * milliseconds ({@code 5000}), Camel's units in order and lower case ({@code 5s}, {@code 500ms}, {@code 1m30s},
 * {@code 1h}), or ISO-8601 ({@code PT1M30S}). The same check the URI gets (which refuses what Camel would silently
 * read as another value, such as {@code 1m30} or {@code 5S}), then the conversion of Camel's {@code DurationConverter}.
 */
public final class DurationOptions {

    private DurationOptions() {
    }

    /**
     * @param option the option's name, for the message
     * @param text   the value as written
     * @return the duration it says
     * @throws PixazoValidationException naming the option and quoting the text, with the forms allowed
     */
    public static Duration parse(String option, String text) {
        String value = text == null ? "" : text.trim();
        OptionText.check(option, "duration", "long", value);
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.startsWith("P") || upper.startsWith("-P")) {
            return Duration.parse(value);
        }
        return Duration.ofMillis(TimeUtils.toMilliSeconds(value));
    }
}
