package io.github.camelpixazo.http;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code permits} calls in flight at once, the rest waiting in FIFO order. Waiting is a pending future, not
 * a blocked thread, so thousands of jobs can queue behind a small connection limit. The JDK client has no pool limit
 * of its own: with HTTP/1.1 one call in flight is one connection, so this bounds the connections ({@code
 * maxConnections}).
 */
final class ConnectionLimiter {

    /** A granted slot; release it exactly once, when the call's body is complete or the call failed. */
    interface Permit {
        void release();
    }

    private final Executor handOff;
    /** In arrival order; a waiter that gives up leaves at once. */
    private final LinkedHashSet<CompletableFuture<Permit>> waiting = new LinkedHashSet<>();
    private int available;

    /**
     * @param handOff runs the next waiter's call when a permit is released, so that a chain of waiters never grows
     *                the releasing thread's stack
     */
    ConnectionLimiter(int permits, Executor handOff) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        this.available = permits;
        this.handOff = handOff;
    }

    /**
     * A permit now, or a future completed when one is free. Cancelling (or otherwise completing) the future gives up
     * the place in the queue.
     */
    CompletableFuture<Permit> acquire() {
        synchronized (this) {
            if (available > 0) {
                available--;
                return CompletableFuture.completedFuture(new Slot());
            }
            CompletableFuture<Permit> waiter = new CompletableFuture<>();
            waiting.add(waiter);
            waiter.whenComplete((permit, gaveUp) -> {
                if (gaveUp != null) {
                    leave(waiter);
                }
            });
            return waiter;
        }
    }

    private synchronized void leave(CompletableFuture<Permit> waiter) {
        waiting.remove(waiter);
    }

    /** Calls waiting for a permit right now. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void release() {
        CompletableFuture<Permit> next;
        synchronized (this) {
            next = null;
            for (Iterator<CompletableFuture<Permit>> it = waiting.iterator(); it.hasNext() && next == null;) {
                CompletableFuture<Permit> candidate = it.next();
                it.remove();
                if (!candidate.isDone()) { // else it gave up waiting
                    next = candidate;
                }
            }
            if (next == null) {
                available++;
                return;
            }
        }
        CompletableFuture<Permit> granted = next;
        Runnable grant = () -> {
            Slot slot = new Slot();
            if (!granted.complete(slot)) {
                slot.release(); // it gave up in the meantime: pass the permit on
            }
        };
        try {
            handOff.execute(grant);
        } catch (RuntimeException rejected) { // shutting down: grant here rather than lose the permit
            grant.run();
        }
    }

    private final class Slot implements Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                ConnectionLimiter.this.release();
            }
        }
    }
}
