package io.github.camelpixazo.support;

import java.time.Duration;
import java.time.Instant;

import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.MemoryJobStore;

/**
 * A memory job store for producer tests, whose stubbed gateway answers every submit with the same request id: a new
 * record replaces the one stored under that id (a real gateway never reuses one, and the real stores refuse it).
 */
public final class ResubmittingMemoryJobStore extends MemoryJobStore {

    @Override
    public boolean add(JobRecord record) {
        String owner = "test-replace";
        claim(record.requestId(), owner, Instant.now(), Duration.ofMinutes(1))
                .ifPresent(old -> remove(old.requestId(), owner));
        return super.add(record);
    }
}
