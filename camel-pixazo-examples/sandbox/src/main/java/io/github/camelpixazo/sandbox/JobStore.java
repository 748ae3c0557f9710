package io.github.camelpixazo.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All jobs of the running sandbox by request id. Jobs are small; images are rendered only on download. */
final class JobStore {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    void add(Job job) {
        jobs.put(job.requestId(), job);
    }

    /** Null when unknown (or removed by a reset). */
    Job get(String requestId) {
        return jobs.get(requestId);
    }

    /** True if this exact job is still current (not removed by a reset since it was submitted). */
    boolean isCurrent(Job job) {
        return jobs.get(job.requestId()) == job;
    }

    int size() {
        return jobs.size();
    }

    void clear() {
        jobs.clear();
    }
}
