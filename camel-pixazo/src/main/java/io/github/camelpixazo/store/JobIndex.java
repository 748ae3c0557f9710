package io.github.camelpixazo.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.github.camelpixazo.error.JobStoreException;

/**
 * The in-memory side of the single-process stores ({@link MemoryJobStore}, {@link FileJobStore}): every record with
 * its lease, ordered by due time so that a claim reads only the due head, and indexed by webhook token hash.
 *
 * <p>Each record is guarded by one of {@value #STRIPES} lock stripes (by request id), so that writes of different
 * records, each waiting for its disk, run in parallel. A change is first handed to the {@link Journal} (which makes it
 * durable) and only then made visible: a claim never returns a record that is not yet durable, and a failed write
 * changes nothing. Leases are never journalled: one process owns a single-process store.
 */
final class JobIndex {

    /** Makes changes durable; runs under the record's stripe lock; throws {@link JobStoreException} on failure. */
    interface Journal {
        /**
         * Writes the record (without its lease), replacing any earlier version; {@code isNew} for an add, whose file
         * (or entry) must survive a power loss, where an update may fall back to the previous version.
         */
        void write(JobRecord record, boolean isNew);

        /** Deletes the record. */
        void delete(JobRecord record);
    }

    private static final int STRIPES = 64;

    private static final Comparator<JobRecord> BY_SUBMIT = Comparator.comparing(JobRecord::submittedAt)
            .thenComparing(JobRecord::requestId);

    private final String location;
    private final Journal journal;
    private final Object[] stripes = new Object[STRIPES];
    private final ConcurrentHashMap<String, JobRecord> records = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idsByTokenHash = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<DueKey> due = new ConcurrentSkipListSet<>();

    JobIndex(String location, Journal journal) {
        this.location = location;
        this.journal = journal;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Puts a record read at start-up, without journalling it.
     *
     * @return null if loaded, else why not (its id or token hash is already taken)
     */
    String load(JobRecord record) {
        JobRecord free = record.withoutLease();
        synchronized (stripe(free.requestId())) {
            if (records.containsKey(free.requestId())) {
                return "another file already holds request id " + free.requestId();
            }
            if (!reserveHash(free)) {
                return "another record already has the same webhook token hash";
            }
            records.put(free.requestId(), free);
            due.add(DueKey.of(free));
            return null;
        }
    }

    boolean add(JobRecord record) {
        JobRecord free = record.withoutLease();
        String id = free.requestId();
        synchronized (stripe(id)) {
            JobRecord existing = records.get(id);
            if (existing != null) {
                if (existing.sameSubmission(free)) {
                    return false;
                }
                throw new JobStoreException("The job store " + location + " already holds a different record for"
                                            + " request id " + id + ": the gateway reused a request id, or two"
                                            + " components share one store directory", location, null, id, null);
            }
            if (!reserveHash(free)) {
                throw new JobStoreException("The job store " + location + " already holds another job with the same"
                                            + " webhook token hash as request id " + id
                                            + ": generate a fresh token per job", location, null, id, null);
            }
            try {
                journal.write(free, true);
            } catch (RuntimeException e) {
                if (free.webhookTokenHash() != null) {
                    idsByTokenHash.remove(free.webhookTokenHash(), id);
                }
                throw e;
            }
            records.put(id, free);
            due.add(DueKey.of(free));
            return true;
        }
    }

    List<JobRecord> claimDue(String owner, Instant now, Duration lease, int max) {
        long nowMillis = now.toEpochMilli();
        Instant until = now.plus(lease);
        Set<String> seen = new LinkedHashSet<>();
        List<JobRecord> claimed = new ArrayList<>();
        for (DueKey key : due) {
            if (key.at > nowMillis || claimed.size() >= max) {
                break;
            }
            synchronized (stripe(key.id)) {
                JobRecord current = records.get(key.id);
                // a key of a record updated meanwhile is stale: its new key is (or will be) met in its own place
                if (current == null || current.nextPollAt().toEpochMilli() != key.at || !seen.add(key.id)
                    || !current.isFreeAt(now)) {
                    continue;
                }
                JobRecord leased = current.withLease(owner, until);
                records.put(key.id, leased);
                claimed.add(leased);
            }
        }
        return claimed;
    }

    Optional<JobRecord> claim(String requestId, String owner, Instant now, Duration lease) {
        synchronized (stripe(requestId)) {
            JobRecord current = records.get(requestId);
            if (current == null || !current.isFreeAt(now)) {
                return Optional.empty();
            }
            JobRecord leased = current.withLease(owner, now.plus(lease));
            records.put(requestId, leased);
            return Optional.of(leased);
        }
    }

    /** Writes the polling state; keeps the lease until {@code keepUntil}, or releases it when that is null. */
    boolean update(JobRecord record, String owner, Instant keepUntil) {
        String id = record.requestId();
        synchronized (stripe(id)) {
            JobRecord current = records.get(id);
            if (current == null || !current.isLeasedBy(owner)) {
                return false;
            }
            JobRecord next = current.withPollState(record.nextPollAt(), record.pollInterval(), record.polls(),
                    record.lastStatus(), record.lastError()).withoutLease();
            journal.write(next, false);
            if (keepUntil != null) {
                next = next.withLease(owner, keepUntil);
            }
            records.put(id, next);
            if (!current.nextPollAt().equals(next.nextPollAt())) {
                due.add(DueKey.of(next));
                due.remove(DueKey.of(current));
            }
            return true;
        }
    }

    boolean renew(String requestId, String owner, Instant until) {
        synchronized (stripe(requestId)) {
            JobRecord current = records.get(requestId);
            if (current == null || !current.isLeasedBy(owner)) {
                return false;
            }
            records.put(requestId, current.withLease(owner, until));
            return true;
        }
    }

    boolean release(String requestId, String owner) {
        synchronized (stripe(requestId)) {
            JobRecord current = records.get(requestId);
            if (current == null || !current.isLeasedBy(owner)) {
                return false;
            }
            records.put(requestId, current.withoutLease());
            return true;
        }
    }

    boolean remove(String requestId, String owner) {
        synchronized (stripe(requestId)) {
            JobRecord current = records.get(requestId);
            if (current == null || !current.isLeasedBy(owner)) {
                return false;
            }
            journal.delete(current);
            records.remove(requestId);
            due.remove(DueKey.of(current));
            if (current.webhookTokenHash() != null) {
                idsByTokenHash.remove(current.webhookTokenHash(), requestId);
            }
            return true;
        }
    }

    /** Frees {@code owner}'s leases; returns how many. */
    int releaseAll(String owner) {
        int released = 0;
        for (String id : records.keySet()) {
            synchronized (stripe(id)) {
                JobRecord current = records.get(id);
                if (current != null && current.isLeasedBy(owner)) {
                    records.put(id, current.withoutLease());
                    released++;
                }
            }
        }
        return released;
    }

    /** Frees every lease (a restart of a single-process store). */
    void releaseAll() {
        for (String id : records.keySet()) {
            synchronized (stripe(id)) {
                records.computeIfPresent(id, (key, record) -> record.withoutLease());
            }
        }
    }

    Optional<JobRecord> find(String requestId) {
        return Optional.ofNullable(records.get(requestId));
    }

    Optional<JobRecord> findByWebhookTokenHash(String hash) {
        String id = idsByTokenHash.get(hash);
        return id == null ? Optional.empty() : find(id);
    }

    long count() {
        return records.size();
    }

    Optional<Instant> oldestSubmittedAt() {
        return records.values().stream().map(JobRecord::submittedAt).min(Comparator.naturalOrder());
    }

    List<JobRecord> list(int max) {
        return records.values().stream().sorted(BY_SUBMIT).limit(max).toList();
    }

    private boolean reserveHash(JobRecord record) {
        String hash = record.webhookTokenHash();
        if (hash == null) {
            return true;
        }
        String holder = idsByTokenHash.putIfAbsent(hash, record.requestId());
        return holder == null || holder.equals(record.requestId());
    }

    private Object stripe(String requestId) {
        return stripes[Math.floorMod(requestId.hashCode(), STRIPES)];
    }

    /** A record's place in the due order: next poll time, then request id. */
    private record DueKey(long at, String id) implements Comparable<DueKey> {

        static DueKey of(JobRecord record) {
            return new DueKey(record.nextPollAt().toEpochMilli(), record.requestId());
        }

        @Override
        public int compareTo(DueKey other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }
}
