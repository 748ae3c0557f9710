package io.github.camelpixazo.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's price, counted against its budgets from before its submit. It stays counted whatever becomes of the job
 * (a job the gateway took may be billed even if it fails or times out), unless {@link #release()}d because the
 * gateway certainly did not take it.
 */
public final class Reservation {

    /** For jobs no budget applies to. */
    public static final Reservation NONE = new Reservation(null, null, null, null, List.of());

    private static final Logger LOG = LoggerFactory.getLogger(Reservation.class);

    private final SpendLedger ledger;
    private final Instant at;
    private final BigDecimal amount;
    private final String currency;
    private final List<SpendCap> caps;
    private final AtomicBoolean released = new AtomicBoolean();

    Reservation(SpendLedger ledger, Instant at, BigDecimal amount, String currency, List<SpendCap> caps) {
        this.ledger = ledger;
        this.at = at;
        this.amount = amount;
        this.currency = currency;
        this.caps = caps;
    }

    /** The amount reserved, or null for {@link #NONE}. */
    public BigDecimal amount() {
        return amount;
    }

    /**
     * Gives the amount back (once; later calls do nothing): a negative ledger line at the reservation's own time. A
     * failure to write it is logged, and the budget then over-counts (never under-counts) that amount.
     */
    public void release() {
        if (caps.isEmpty() || !released.compareAndSet(false, true)) {
            return;
        }
        for (SpendCap cap : caps) {
            try {
                ledger.record(at, amount.negate(), currency, cap.scope());
            } catch (RuntimeException e) {
                LOG.warn("Could not give back {} {} to {} ({}); it stays counted until it leaves the window", amount,
                        currency, cap, e.getMessage());
            }
        }
    }
}
