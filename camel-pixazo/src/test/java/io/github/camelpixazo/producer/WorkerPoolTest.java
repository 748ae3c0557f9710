package io.github.camelpixazo.producer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.support.Await;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker pool grows while every worker is busy, then queues; it never hands work back to the caller. */
class WorkerPoolTest {

    @Test
    void growsToItsMaximumWhileAllWorkersAreBusyThenQueues() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        List<String> fallback = new CopyOnWriteArrayList<>();
        WorkerPool pool = new WorkerPool(1, 3, 60, Executors.defaultThreadFactory(),
                task -> fallback.add("should not be needed"));
        CountDownLatch done = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            pool.execute(() -> {
                ranOn.add(Thread.currentThread().getName());
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }

        Await.until(Duration.ofSeconds(10), () -> pool.size() == 3 && pool.queued() == 2, "3 workers busy, 2 queued");
        release.countDown();
        assertTrue(done.await(20, TimeUnit.SECONDS));

        assertEquals(3, ranOn.size(), "three workers ran the five tasks: " + ranOn);
        assertFalse(ranOn.contains(Thread.currentThread().getName()), "never on the caller's thread");
        assertTrue(fallback.isEmpty());
        pool.shutdownGracefully(5_000);
    }

    @Test
    void anIdleWorkerTakesTheNextTaskInsteadOfANewThread() throws Exception {
        WorkerPool pool = new WorkerPool(1, 3, 60, Executors.defaultThreadFactory(), Runnable::run);
        for (int i = 0; i < 20; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            // the latch opens inside the task: wait until the worker is back for more, not just until the task ran
            Await.until(Duration.ofSeconds(10), () -> pool.queued() == 0 && pool.active() == 0, "idle");
        }
        assertEquals(1, pool.size(), "one worker was enough for one task at a time");
        pool.shutdownGracefully(5_000);
    }

    @Test
    void afterShutdownWorkStillRunsOnTheFallbackNotTheCaller() throws Exception {
        List<String> fallback = new CopyOnWriteArrayList<>();
        WorkerPool pool = new WorkerPool(1, 2, 60, Executors.defaultThreadFactory(), task -> {
            fallback.add("late");
            task.run();
        });
        pool.shutdownGracefully(5_000);
        CountDownLatch ran = new CountDownLatch(1);

        pool.execute(ran::countDown);

        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("late"), fallback);
    }
}
