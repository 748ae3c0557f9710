package io.github.camelpixazo.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition that another thread makes true (a file move, an in-flight count). Not a timing assertion. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toSeconds() + "s waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting for: " + what);
            }
        }
    }

    /**
     * Waits until {@code progress} reaches {@code target}, for as long as it keeps growing: fails only when it did not
     * grow for {@code stall}. For work whose total time depends on the machine's load (two cores shared with other
     * builds) but whose steps are each short: a slow machine passes, a stuck one fails, saying how far it got.
     */
    public static void whileProgressing(Duration stall, IntSupplier progress, int target, String what) {
        int seen = progress.getAsInt();
        long lastProgress = System.nanoTime();
        while (seen < target) {
            if (System.nanoTime() - lastProgress > stall.toNanos()) {
                fail("No progress for " + stall.toSeconds() + "s waiting for: " + what + " (" + seen + " of " + target
                     + ")");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting for: " + what);
            }
            int now = progress.getAsInt();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
    }
}
