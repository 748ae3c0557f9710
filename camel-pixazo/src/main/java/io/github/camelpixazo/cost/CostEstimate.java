package io.github.camelpixazo.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one job will cost by the published price list, known before it is submitted: the price of all its images.
 *
 * @param amount     the price of all {@code images}, in {@code currency} ({@code perImage} times {@code images})
 * @param currency   {@code USD}, {@code credits}, ... (the gateway's, from its price table)
 * @param perImage   the price of one image
 * @param images     how many images the job makes ({@code n}, 1 when not set)
 * @param upperBound true when {@code auto} (or an unset size or quality) was priced as the most expensive published
 *                   entry, so the job may cost less; false when the price is the one the gateway says it bills
 * @param basis      how the price was found, for log lines: the size and quality priced and why
 */
public record CostEstimate(BigDecimal amount, String currency, BigDecimal perImage, int images, boolean upperBound,
                           String basis) {

    public CostEstimate {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(perImage, "perImage");
    }

    /** {@code 0.211 USD}, or {@code at most 0.211 USD} for an upper bound. */
    public String describe() {
        return (upperBound ? "at most " : "") + amount.toPlainString() + " " + currency;
    }

    @Override
    public String toString() {
        return describe() + " (" + basis + ")";
    }
}
