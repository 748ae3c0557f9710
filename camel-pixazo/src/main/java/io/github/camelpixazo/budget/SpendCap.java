package io.github.camelpixazo.budget;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One budget: at most {@code budget} (in one currency) for the jobs submitted within a rolling {@code period}, counted
 * in the ledger under {@code scope}. The component has one for the whole CamelContext, an endpoint one of its own;
 * when both are set, both apply ({@link SpendCaps}).
 * <p>
 * The lock makes check-and-reserve atomic within the JVM: two messages racing for the last room in a budget never
 * both get it. Several JVMs sharing one store are not serialised by it (see docs/cost-and-operations.adoc).
 */
public final class SpendCap {

    private final String name;
    private final String scope;
    private final BigDecimal budget;
    private final Duration period;
    private final String periodText;
    final ReentrantLock lock = new ReentrantLock();
    private volatile String currency;

    /**
     * @param name       how messages call it: "the component budget", "the budget of endpoint ..."
     * @param scope      the ledger scope: stable across restarts, no secrets (at most 200 characters)
     * @param periodText the period as the user wrote it ({@code 1d}), for messages
     */
    public SpendCap(String name, String scope, BigDecimal budget, Duration period, String periodText) {
        this.name = name;
        this.scope = scope;
        this.budget = budget;
        this.period = period;
        this.periodText = periodText;
    }

    public String name() {
        return name;
    }

    public String scope() {
        return scope;
    }

    public BigDecimal budget() {
        return budget;
    }

    public Duration period() {
        return period;
    }

    public String periodText() {
        return periodText;
    }

    /** The currency it counts in, fixed by the first endpoint that uses it; null before. */
    public String currency() {
        return currency;
    }

    /**
     * Fixes the currency at the first call; a later call with another one is a configuration that cannot work (one
     * budget amount for two currencies).
     *
     * @return null when it agrees, else the currency the cap already counts in
     */
    public synchronized String adoptCurrency(String wanted) {
        if (currency == null) {
            currency = wanted;
            return null;
        }
        return currency.equals(wanted) ? null : currency;
    }

    @Override
    public String toString() {
        return name + " " + budget.toPlainString() + (currency != null ? " " + currency : "") + " per " + periodText;
    }
}
