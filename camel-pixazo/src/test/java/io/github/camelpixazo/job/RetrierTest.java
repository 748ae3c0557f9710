package io.github.camelpixazo.job;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoTimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one retry layer: deadline before each attempt, no attempt the deadline would cut, and nothing left hanging. */
class RetrierTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Retrier retrier = new Retrier(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static Throwable failure(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
    }

    private static PixazoTimeoutException expired(Throwable last) {
        return new PixazoTimeoutException("expired", "id", last);
    }

    @Test
    void anErrorThrownByTheDecisionStillCompletesTheCall() {
        CompletableFuture<String> call = retrier.run("a test call", Deadline.after(Duration.ofSeconds(5)),
                timeLeft -> CompletableFuture.failedFuture(new IOException("refused")),
                (failure, retries) -> {
                    throw new OutOfMemoryError("simulated while deciding");
                }, RetrierTest::expired);

        assertInstanceOf(OutOfMemoryError.class, failure(call));
    }

    @Test
    void anErrorThrownByTheAttemptItselfStillCompletesTheCall() {
        CompletableFuture<String> call = retrier.run("a test call", Deadline.after(Duration.ofSeconds(5)),
                timeLeft -> {
                    throw new StackOverflowError("simulated while sending");
                }, (failure, retries) -> Optional.empty(), RetrierTest::expired);

        assertInstanceOf(StackOverflowError.class, failure(call));
    }

    @Test
    void aDelayReachingPastTheDeadlineEndsTheCallThereWithoutAnotherAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        IOException refused = new IOException("503 with Retry-After: 30");
        CompletableFuture<String> call = retrier.run("a test call", Deadline.after(Duration.ofMillis(300)),
                timeLeft -> {
                    attempts.incrementAndGet();
                    return CompletableFuture.failedFuture(refused);
                }, (failure, retries) -> Optional.of(Duration.ofSeconds(30)), RetrierTest::expired);

        PixazoTimeoutException e = assertInstanceOf(PixazoTimeoutException.class, failure(call));
        assertSame(refused, e.getCause(), "the last answer is what the expiry reports");
        assertEquals(1, attempts.get());
    }

    @Test
    void eachAttemptIsGivenOnlyWhatIsLeftOfTheDeadline() {
        AtomicInteger attempts = new AtomicInteger();
        Duration[] given = new Duration[3];
        CompletableFuture<String> call = retrier.run("a test call", Deadline.after(Duration.ofSeconds(5)),
                timeLeft -> {
                    given[attempts.getAndIncrement()] = timeLeft;
                    return attempts.get() < 3 ? CompletableFuture.failedFuture(new IOException("again"))
                            : CompletableFuture.completedFuture("done");
                }, (failure, retries) -> Optional.of(Duration.ofMillis(100)), RetrierTest::expired);

        assertEquals("done", call.join());
        assertTrue(given[0].compareTo(Duration.ofSeconds(5)) <= 0 && given[1].compareTo(given[0]) < 0
                   && given[2].compareTo(given[1]) < 0, java.util.Arrays.toString(given));
    }

    @Test
    void abandoningCancelsTheAttemptInFlight() {
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        CompletableFuture<String> call = retrier.run("a test call", Deadline.after(Duration.ofSeconds(5)),
                timeLeft -> inFlight, (failure, retries) -> Optional.empty(), RetrierTest::expired);

        retrier.abandonAll();

        assertTrue(failure(call).getMessage().contains("stopped during a test call"));
        assertInstanceOf(PixazoException.class, failure(call));
        assertTrue(inFlight.isCancelled(), "its HTTP exchange is aborted, not left running");
    }
}
