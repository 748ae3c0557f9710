package io.github.camelpixazo.producer;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that continue routes when their jobs finish. It keeps {@code coreSize} threads, starts more - up to
 * {@code maxSize} - only while every thread is busy (a route step that blocks), and beyond that queues the work
 * (back-pressure): route work never runs on the HTTP client's or the scheduler's threads, whatever the load.
 * <p>
 * The JDK's {@link ThreadPoolExecutor} grows past its core size only when its queue refuses a task, so with a queue
 * it never grows and without one it rejects. This pool's queue refuses a task while the pool can still grow and no
 * thread is idle, and takes it otherwise (the pattern of Tomcat's {@code TaskQueue}). Camel's
 * {@code ExecutorServiceManager} builds pools from a profile that cannot express this, so the pool is built here with
 * Camel's thread naming.
 */
public final class WorkerPool implements Executor {

    private final Executor fallback;
    private final AtomicInteger submitted = new AtomicInteger();
    private final Pool executor;

    /**
     * @param fallback runs work refused because the pool is shut down (the component is stopping): a fresh thread,
     *                 so that a late completion still completes its exchange and never on an I/O thread
     */
    public WorkerPool(int coreSize, int maxSize, long keepAliveSeconds, ThreadFactory threads, Executor fallback) {
        this.fallback = fallback;
        TaskQueue queue = new TaskQueue();
        this.executor = new Pool(coreSize, Math.max(coreSize, maxSize), keepAliveSeconds, queue, threads);
        queue.pool = executor;
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs the task on a worker: an idle one, a new one while fewer than maxSize run, else queued. */
    @Override
    public void execute(Runnable task) {
        submitted.incrementAndGet();
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shutDown) {
            submitted.decrementAndGet();
            fallback.execute(task);
        }
    }

    /** Threads alive now. */
    public int size() {
        return executor.getPoolSize();
    }

    /** Threads running a task now (a worker is busy until its task and the pool's bookkeeping after it are done). */
    public int active() {
        return executor.getActiveCount();
    }

    /** Tasks waiting for a worker. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Stops taking work, lets queued work finish, waiting up to {@code timeoutMillis}. */
    public void shutdownGracefully(long timeoutMillis) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private final class Pool extends ThreadPoolExecutor {
        Pool(int core, int max, long keepAlive, TaskQueue queue, ThreadFactory threads) {
            super(core, max, keepAlive, TimeUnit.SECONDS, queue, threads, (task, pool) -> {
                if (pool.isShutdown()) {
                    throw new RejectedExecutionException("The pixazo worker pool is shut down");
                }
                queue.offerAlways(task); // the pool could not grow after all: queue it
            });
        }

        @Override
        protected void afterExecute(Runnable task, Throwable error) {
            submitted.decrementAndGet();
        }
    }

    private final class TaskQueue extends LinkedBlockingQueue<Runnable> {
        private volatile ThreadPoolExecutor pool;

        @Override
        public boolean offer(Runnable task) {
            ThreadPoolExecutor current = pool;
            if (current == null || current.getPoolSize() >= current.getMaximumPoolSize()) {
                return super.offer(task);
            }
            if (submitted.get() <= current.getPoolSize()) {
                return super.offer(task); // an idle worker will take it
            }
            return false; // every worker is busy and the pool may grow: make the executor start a thread
        }

        void offerAlways(Runnable task) {
            super.offer(task);
        }
    }
}
