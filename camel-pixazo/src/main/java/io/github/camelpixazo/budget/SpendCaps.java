package io.github.camelpixazo.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camelpixazo.cost.CostEstimate;
import io.github.camelpixazo.cost.PriceQuote;
import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.error.PixazoBudgetExceededException;
import io.github.camelpixazo.error.PixazoPriceUnknownException;

/**
 * The budgets one endpoint's jobs count against: the component's, the endpoint's own, or both (then both apply, the
 * component's checked first). Before each submit {@link #reserve} checks every cap against what the jobs already
 * submitted in its window cost, in flight included, and records this job's price in all of them, atomically within
 * the JVM and, each cap in one step of the store ({@code JobStore.recordSpendWithin}), across the JVMs sharing a JDBC
 * store; a message that would cross any cap fails with {@link PixazoBudgetExceededException} and nothing is recorded
 * (what an earlier cap of the same message recorded is given back) or sent.
 * <p>
 * A job without a price while a cap applies is refused ({@link PixazoPriceUnknownException}): a budget is never
 * bypassed silently.
 */
public final class SpendCaps {

    /** No budget applies: nothing is checked or recorded. */
    public static final SpendCaps NONE = new SpendCaps(null, List.of(), null);

    private final SpendLedger ledger;
    private final List<SpendCap> caps;
    private final Object budgetText;

    /**
     * @param caps       the component's cap first (locks are taken in this order, so no two endpoints deadlock)
     * @param budgetText the budget as the user wrote it, quoted when a job has no price
     */
    public SpendCaps(SpendLedger ledger, List<SpendCap> caps, Object budgetText) {
        this.ledger = ledger;
        this.caps = List.copyOf(caps);
        this.budgetText = budgetText;
        caps.forEach(cap -> ledger.keep(cap.period()));
    }

    public boolean isEmpty() {
        return caps.isEmpty();
    }

    public List<SpendCap> caps() {
        return caps;
    }

    /**
     * Checks without reserving ({@code dryRun}): throws what {@link #reserve} would throw now.
     */
    public void check(PriceQuote quote) {
        if (caps.isEmpty()) {
            return;
        }
        CostEstimate estimate = priced(quote);
        lockAll();
        try {
            checkAll(ledger.now(), estimate);
        } finally {
            unlockAll();
        }
    }

    /**
     * Reserves the job's price in every cap, or throws.
     *
     * @throws PixazoBudgetExceededException when a cap would be crossed (naming it, its period, the spend so far and
     *                                       this price)
     * @throws PixazoPriceUnknownException   when the job has no price
     * @throws JobStoreException             when the ledger cannot be read or written (nothing is sent then either)
     */
    public Reservation reserve(PriceQuote quote) {
        if (caps.isEmpty()) {
            return Reservation.NONE;
        }
        CostEstimate estimate = priced(quote);
        ledger.pruneIfDue();
        lockAll();
        try {
            Instant now = ledger.now();
            List<SpendCap> recorded = new ArrayList<>(caps.size());
            try {
                for (SpendCap cap : caps) {
                    // check and append in one step of the store: atomic across the JVMs sharing a JDBC store
                    Optional<BigDecimal> refused = ledger.recordWithin(now, estimate.amount(), estimate.currency(),
                            cap.scope(), now.minus(cap.period()), cap.budget());
                    if (refused.isPresent()) {
                        throw exceeded(cap, refused.get(), estimate);
                    }
                    recorded.add(cap);
                }
            } catch (RuntimeException e) {
                new Reservation(ledger, now, estimate.amount(), estimate.currency(), recorded).release();
                throw e;
            }
            return new Reservation(ledger, now, estimate.amount(), estimate.currency(), caps);
        } finally {
            unlockAll();
        }
    }

    private CostEstimate priced(PriceQuote quote) {
        return quote.estimate().orElseThrow(() -> new PixazoPriceUnknownException(budgetText, "a budget applies ("
                + String.join(" and ", caps.stream().map(SpendCap::toString).toList()) + "), but this job has no"
                + " price: " + quote.reason() + ". A job that cannot be counted is refused, never let through"
                + " uncounted. Nothing was sent. Give it a price with the component option prices (e.g."
                + " prices=<gateway>.<model>.<size>.<quality>=<price>, one per size and quality) or priceFile, or"
                + " remove the budget."));
    }

    private void checkAll(Instant now, CostEstimate estimate) {
        for (SpendCap cap : caps) {
            BigDecimal spent = ledger.spentSince(now.minus(cap.period()), cap.scope(), estimate.currency());
            if (spent.add(estimate.amount()).compareTo(cap.budget()) > 0) {
                throw exceeded(cap, spent, estimate);
            }
        }
    }

    private static PixazoBudgetExceededException exceeded(SpendCap cap, BigDecimal spent, CostEstimate estimate) {
        return new PixazoBudgetExceededException(cap.name(), cap.budget(), cap.period(), cap.periodText(), spent,
                estimate.amount(), estimate.currency(), estimate.upperBound());
    }

    private void lockAll() {
        caps.forEach(cap -> cap.lock.lock());
    }

    private void unlockAll() {
        for (int i = caps.size() - 1; i >= 0; i--) {
            caps.get(i).lock.unlock();
        }
    }
}
