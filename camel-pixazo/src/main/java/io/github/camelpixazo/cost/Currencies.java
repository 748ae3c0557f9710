package io.github.camelpixazo.cost;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The currencies a price table may use: an ISO 4217 code the JDK knows ({@code USD}, {@code EUR}, ...) or
 * {@code credits}, the unit Pixapi bills in (pixapi-gpt-image-api.txt, "Credits per image").
 */
final class Currencies {

    static final String CREDITS = "credits";

    private Currencies() {
    }

    /** The currency as tables keep it ({@code USD}, {@code credits}), or empty when it is unknown. */
    static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(CREDITS)) {
            return Optional.of(CREDITS);
        }
        if (!trimmed.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(trimmed.toUpperCase(Locale.ROOT)).getCurrencyCode());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
