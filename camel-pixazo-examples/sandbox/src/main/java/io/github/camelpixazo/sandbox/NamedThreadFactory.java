package io.github.camelpixazo.sandbox;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code pixazo-sandbox-<role>-<n>}, so they are easy to spot and never block JVM exit. */
final class NamedThreadFactory implements ThreadFactory {

    static final String PREFIX = "pixazo-sandbox-";

    private final String role;
    private final AtomicInteger counter = new AtomicInteger();

    NamedThreadFactory(String role) {
        this.role = role;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, PREFIX + role + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
