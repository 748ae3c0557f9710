package io.github.camelpixazo.cost;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a price list for one job: an estimate, or why there is none (no published price for that gateway,
 * model or size). Never an invented number.
 */
public final class PriceQuote {

    private final CostEstimate estimate;
    private final String reason;

    private PriceQuote(CostEstimate estimate, String reason) {
        this.estimate = estimate;
        this.reason = reason;
    }

    static PriceQuote of(CostEstimate estimate) {
        return new PriceQuote(Objects.requireNonNull(estimate, "estimate"), null);
    }

    static PriceQuote none(String reason) {
        return new PriceQuote(null, Objects.requireNonNull(reason, "reason"));
    }

    /** The estimate, when a price is published for the job. */
    public Optional<CostEstimate> estimate() {
        return Optional.ofNullable(estimate);
    }

    public boolean isPriced() {
        return estimate != null;
    }

    /** Why there is no estimate ("no price is published for gpt-image-1.5 on pixazo"), or null when priced. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return estimate != null ? estimate.toString() : "no price: " + reason;
    }
}
