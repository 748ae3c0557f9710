package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link JobStore} in the heap, for tests and for routes that accept losing pending jobs on a restart: the same
 * semantics as {@link FileJobStore} (leases, ordering, idempotent add, spend ledger), nothing durable. Its records
 * and ledger live as long as this object, across {@link #stop()} and {@link #start()}, so a test can restart a
 * component on the same store; as in the file store, {@link #start()} frees every lease.
 */
public class MemoryJobStore extends AbstractJobStore {

    private final String name;
    private final JobIndex index;
    private final SpendTotals spend = new SpendTotals();

    /** A store named {@code memory}. */
    public MemoryJobStore() {
        this("memory");
    }

    /** A store whose {@link #location()} is {@code name} (to tell several apart in messages). */
    public MemoryJobStore(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.index = new JobIndex(name, new JobIndex.Journal() {
            @Override
            public void write(JobRecord record, boolean isNew) {
                // nothing to make durable
            }

            @Override
            public void delete(JobRecord record) {
                // nothing to make durable
            }
        });
    }

    @Override
    public String location() {
        return name;
    }

    @Override
    public boolean add(JobRecord record) {
        checkStarted();
        return index.add(Objects.requireNonNull(record, "record"));
    }

    @Override
    public List<JobRecord> claimDue(String owner, Instant now, Duration lease, int max) {
        checkStarted();
        checkClaim(owner, now, lease);
        checkMax(max);
        return index.claimDue(owner, now, lease, max);
    }

    @Override
    public Optional<JobRecord> claim(String requestId, String owner, Instant now, Duration lease) {
        checkStarted();
        checkClaim(owner, now, lease);
        return index.claim(Objects.requireNonNull(requestId, "requestId"), owner, now, lease);
    }

    @Override
    public boolean update(JobRecord record, String owner) {
        checkStarted();
        checkOwner(owner);
        return index.update(Objects.requireNonNull(record, "record"), owner, null);
    }

    @Override
    public boolean updateKeepingLease(JobRecord record, String owner, Instant leaseUntil) {
        checkStarted();
        checkOwner(owner);
        return index.update(Objects.requireNonNull(record, "record"), owner,
                Objects.requireNonNull(leaseUntil, "leaseUntil"));
    }

    @Override
    public boolean renew(String requestId, String owner, Instant now, Duration lease) {
        checkStarted();
        checkClaim(owner, now, lease);
        return index.renew(Objects.requireNonNull(requestId, "requestId"), owner, now.plus(lease));
    }

    @Override
    public boolean release(String requestId, String owner) {
        checkStarted();
        checkOwner(owner);
        return index.release(Objects.requireNonNull(requestId, "requestId"), owner);
    }

    @Override
    public int releaseAll(String owner) {
        checkStarted();
        checkOwner(owner);
        return index.releaseAll(owner);
    }

    @Override
    public boolean remove(String requestId, String owner) {
        checkStarted();
        checkOwner(owner);
        return index.remove(Objects.requireNonNull(requestId, "requestId"), owner);
    }

    @Override
    public Optional<JobRecord> find(String requestId) {
        checkStarted();
        return index.find(Objects.requireNonNull(requestId, "requestId"));
    }

    @Override
    public Optional<JobRecord> findByWebhookTokenHash(String hash) {
        checkStarted();
        return index.findByWebhookTokenHash(Objects.requireNonNull(hash, "hash"));
    }

    @Override
    public long count() {
        checkStarted();
        return index.count();
    }

    @Override
    public Optional<Instant> oldestSubmittedAt() {
        checkStarted();
        return index.oldestSubmittedAt();
    }

    @Override
    public List<JobRecord> list(int max) {
        checkStarted();
        checkMax(max);
        return index.list(max);
    }

    @Override
    public void recordSpend(SpendEntry entry) {
        checkStarted();
        Objects.requireNonNull(entry, "entry");
        synchronized (spend) {
            spend.add(entry);
        }
    }

    @Override
    public BigDecimal spendSince(Instant since, String scope, String currency) {
        checkStarted();
        synchronized (spend) {
            return spend.sumSince(Objects.requireNonNull(since, "since"), scope, currency);
        }
    }

    @Override
    public int pruneSpendBefore(Instant before) {
        checkStarted();
        synchronized (spend) {
            return spend.pruneBefore(Objects.requireNonNull(before, "before"));
        }
    }

    @Override
    protected void doStart() {
        // as in the file store, a restart frees every lease: no other process can hold one
        index.releaseAll();
    }

    @Override
    protected void doStop() {
        // nothing to close: the records outlive a restart of this object
    }
}
