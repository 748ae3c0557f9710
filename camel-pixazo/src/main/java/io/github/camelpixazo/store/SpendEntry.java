package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the spend ledger: at {@code at}, {@code amount} of {@code currency} was committed within
 * {@code scope}. The scope is the caller's name for a budget (for instance {@code component} or an endpoint id); it
 * must not hold secrets (never a URI with a key in it). The amount may be negative (a correction, such as a job the
 * gateway did not bill). Normalised as {@link JobRecord}'s estimated cost: {@code at} to the millisecond, the amount
 * to 10 decimal places rounded towards positive infinity (a cap is never under-counted), without trailing zeros.
 *
 * @param at       when the spend was committed (truncated to the millisecond)
 * @param amount   the amount, in {@code currency}
 * @param currency {@code USD}, {@code credits}, ... (at most 20 characters)
 * @param scope    the budget's name (at most 200 characters)
 */
public record SpendEntry(Instant at, BigDecimal amount, String currency, String scope) {

    /** Checks and normalises the fields; throws {@link IllegalArgumentException} naming the wrong one. */
    public SpendEntry {
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        amount = Amounts.normalize(amount, "amount");
        currency = name(currency, "currency", JobRecord.MAX_CURRENCY);
        scope = name(scope, "scope", JobRecord.MAX_ID);
    }

    private static String name(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be at most " + max
                                               + " characters without control characters, got '"
                                               + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return value;
    }
}
