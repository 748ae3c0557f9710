package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rule for money amounts in the store, so that every store gives back the same {@code BigDecimal}: at most
 * {@value #SCALE} decimal places (rounded towards positive infinity, so a spend cap is never under-counted) and no
 * trailing zeros ({@code 1.50} becomes {@code 1.5}, {@code 100} stays {@code 100}). The JDBC store keeps amounts in
 * {@code NUMERIC(30,10)} columns; this rule makes what it reads equal to what was written.
 */
final class Amounts {

    /** Decimal places kept. */
    static final int SCALE = 10;

    /** Largest absolute amount kept: 20 integer digits fit {@code NUMERIC(30,10)}. */
    private static final BigDecimal LIMIT = new BigDecimal("1E20");

    private Amounts() {
    }

    /** The normalised amount, or null for null; rejects amounts of 10^20 or more. */
    static BigDecimal normalize(BigDecimal amount, String what) {
        if (amount == null) {
            return null;
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException(what + " must be below 10^20, got " + amount.toPlainString());
        }
        BigDecimal value = amount.scale() > SCALE ? amount.setScale(SCALE, RoundingMode.CEILING) : amount;
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
