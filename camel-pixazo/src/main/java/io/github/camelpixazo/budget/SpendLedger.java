package io.github.camelpixazo.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.store.SpendEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budgets' view of a {@link JobStore}'s spend ledger: one per component, shared by its caps. Reservations are
 * ledger lines, so a durable store (file, JDBC) keeps what was spent across restarts; a release is a negative line
 * with the reservation's own time, so both leave the rolling window together.
 * <p>
 * Lines older than the longest budget period kept here (and at least {@link #MIN_KEPT}) are pruned, at most once an
 * hour, so the ledger does not grow without end.
 */
public final class SpendLedger {

    /** Ledger lines younger than this are never pruned: covers monthly budgets of other instances sharing a store. */
    public static final Duration MIN_KEPT = Duration.ofDays(35);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(SpendLedger.class);

    private final Supplier<JobStore> store;
    private final Clock clock;
    private volatile Duration kept = MIN_KEPT;
    private volatile Instant lastPrune = Instant.EPOCH;

    /**
     * @param store the store whose ledger is used, started on first use (a component's job store)
     */
    public SpendLedger(Supplier<JobStore> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** What {@code scope} spent in {@code currency} at or after {@code since}. */
    BigDecimal spentSince(Instant since, String scope, String currency) {
        return store.get().spendSince(since, scope, currency);
    }

    /** Appends a line, durably in a durable store. */
    void record(Instant at, BigDecimal amount, String currency, String scope) {
        store.get().recordSpend(new SpendEntry(at, amount, currency, scope));
    }

    /**
     * Appends a line if the scope's spend since {@code since} plus {@code amount} stays within {@code limit}, in one
     * atomic step of the store (across JVMs for a JDBC store).
     *
     * @return empty when appended, else the scope's spend since {@code since}
     */
    Optional<BigDecimal> recordWithin(Instant at, BigDecimal amount, String currency, String scope, Instant since,
                                      BigDecimal limit) {
        return store.get().recordSpendWithin(new SpendEntry(at, amount, currency, scope), since, limit);
    }

    /** Keeps at least {@code period} of lines (a cap's period). */
    void keep(Duration period) {
        if (period.compareTo(kept) > 0) {
            kept = period;
        }
    }

    /** Prunes lines older than what any cap needs, at most once an hour; a failure is logged, never thrown. */
    void pruneIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        try {
            int removed = store.get().pruneSpendBefore(now.minus(kept));
            if (removed > 0) {
                LOG.debug("Pruned {} spend ledger lines older than {}", removed, kept);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the spend ledger ({}); it is tried again in an hour", e.getMessage());
        }
    }
}
