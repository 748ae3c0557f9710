package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.camelpixazo.error.JobStoreException;

import org.apache.camel.Service;

/**
 * Where submitted jobs live until their result has been delivered, and the spend ledger: the durable memory of the
 * {@code pixazo:jobs} consumer and the spend cap. A Camel {@link Service}: {@link #start()} opens it (and fails with a
 * {@link JobStoreException} naming the directory or table when it cannot), {@link #stop()} closes it; every other
 * method throws {@link IllegalStateException} while it is not started. All methods are thread-safe.
 *
 * <h2>How it is used</h2>
 * <ol>
 * <li>The producer {@link #add}s each accepted job before it completes its exchange.</li>
 * <li>Each poll of the consumer {@link #claimDue claims} the due records with a lease, queries their status, and
 * {@link #update}s the polling state (which releases the lease) or, for a terminal job, emits an exchange and
 * {@link #remove}s the record once that exchange succeeded. A webhook callback {@link #claim}s one record by id, found
 * by {@link #findByWebhookTokenHash}.</li>
 * <li>Several instances may share one store only if it is a shared store ({@link JdbcJobStore}): the lease makes
 * sure one instance at a time works on a record, and a dead instance's leases expire and are taken over.</li>
 * </ol>
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li><b>Durability.</b> In a durable store ({@link FileJobStore}, {@link JdbcJobStore}), a record is on disk (or
 * committed) when {@link #add} returns, and so is each {@link #update} and {@link #recordSpend}: a crash right after,
 * {@code kill -9} included, does not lose it, and never leaves half a record. {@link MemoryJobStore} is not durable.</li>
 * <li><b>Leases.</b> Two owners never hold the same record's lease at the same time (across JVMs for the JDBC store).
 * A lease is held by the owner named in it until another owner claims the record after it expired: an expired lease
 * that nobody took over still counts as held for {@link #update}, {@link #renew} and {@link #remove}. A live lease
 * excludes its holder too: {@link #claimDue} and {@link #claim} never return a record the caller is still working on
 * (so an instance's records in flight never crowd out new ones); the holder extends its lease with {@link #renew}.
 * Owner ids must differ between instances running at the same time. Single-process stores (file, memory) keep leases
 * in memory only: no other process can hold one, and after a restart every record is free at once. The JDBC store
 * keeps them in the table, so a restarted instance waits for its former leases to expire, unless it uses a stable
 * owner id and calls {@link #releaseAll} at start.</li>
 * <li><b>At-least-once.</b> A record is removed only by its lease holder, after its result was delivered; a crash
 * between delivery and {@link #remove} delivers it again. Downstream routes use the request id as idempotency
 * key.</li>
 * <li><b>Corrupt records.</b> A record that cannot be read (half-written, truncated, garbled, hand-edited into a wrong
 * type; a row whose JSON or values are invalid) is reported as a {@link StoreProblem} (a WARN log line naming the file
 * or row, and the {@link StoreProblemListener}), skipped, and set aside so it is not reported on every poll; it never
 * fails a scan nor hides the other records. Each store says how it sets records aside.</li>
 * </ul>
 *
 * <p>Times are kept to the millisecond. Failures to read or write the medium are {@link JobStoreException}s that name
 * the store's {@link #location()} and the request id concerned.
 */
public interface JobStore extends Service {

    /** Where this store keeps its records, as people read it: a directory, or a table and its database. */
    String location();

    /**
     * Stores a new job, free (no lease), durably when it returns. The record's lease fields are ignored.
     *
     * @return true if it was added; false if a record with this request id is already stored and describes the same
     *         submission ({@link JobRecord#sameSubmission}): adding again is harmless, and the stored polling state
     *         is kept
     * @throws JobStoreException when it could not be stored (naming the location and the request id), when a
     *                           different record is stored under this request id, or when another record has the same
     *                           webhook token hash
     */
    boolean add(JobRecord record);

    /**
     * Leases up to {@code max} records whose {@code nextPollAt <= now} and whose lease is free or expired
     * ({@code leaseUntil <= now}), in one atomic step per record: nobody else (nor another claim by {@code owner})
     * gets any of them until {@code now + lease}. Records set aside as corrupt are never returned.
     *
     * @param owner the claiming instance's id (at most 200 characters)
     * @param now   the current time (the caller's clock; all instances sharing a store should agree within a small
     *              fraction of the lease)
     * @param lease how long the lease lasts; renew it ({@link #renew}) for longer work
     * @param max   at most this many records, 1 or more
     * @return the leased records, ordered by {@code nextPollAt} (then request id; in the database's collation for the
     *         JDBC store), with their new lease
     */
    List<JobRecord> claimDue(String owner, Instant now, Duration lease, int max);

    /**
     * Leases one record, whatever its {@code nextPollAt} (the webhook path), under the same rule as
     * {@link #claimDue}: free or expired.
     *
     * @return the record with its new lease; empty when there is no such (readable) record or another owner holds it
     */
    Optional<JobRecord> claim(String requestId, String owner, Instant now, Duration lease);

    /**
     * Writes {@code record}'s polling state ({@code nextPollAt}, {@code pollInterval}, {@code polls},
     * {@code lastStatus}, {@code lastError}; the other fields are not changed) and <b>releases</b> the lease, if
     * {@code owner} still holds it. Durable when it returns.
     *
     * @return false, writing nothing, when the record is gone or another owner holds its lease
     */
    boolean update(JobRecord record, String owner);

    /**
     * As {@link #update}, but <b>keeps</b> the lease, until {@code leaseUntil}: for a record whose result is being
     * delivered while its state (e.g. COMPLETED) is recorded.
     *
     * @return false, writing nothing, when the record is gone or another owner holds its lease
     */
    boolean updateKeepingLease(JobRecord record, String owner, Instant leaseUntil);

    /**
     * Extends {@code owner}'s lease to {@code now + lease}, for a record still being worked on.
     *
     * @return false when the record is gone or another owner holds its lease
     */
    boolean renew(String requestId, String owner, Instant now, Duration lease);

    /**
     * Gives up {@code owner}'s lease without changing the record, so that any instance may claim it at once (e.g. when
     * a consumer stops with records it claimed but did not work on).
     *
     * @return false when the record is gone or another owner holds its lease
     */
    boolean release(String requestId, String owner);

    /**
     * Frees every lease {@code owner} holds: for an instance restarting with a stable owner id, to take back at once
     * the records its previous run had claimed (in the JDBC store, whose leases outlive a process).
     *
     * @return the number of leases freed
     */
    int releaseAll(String owner);

    /**
     * Deletes the record if {@code owner} holds its lease: after its result was delivered. Durable when it returns in
     * a durable store.
     *
     * @return whether it was deleted
     */
    boolean remove(String requestId, String owner);

    /** The record stored under {@code requestId}, with its current lease; empty if none (or it is unreadable). */
    Optional<JobRecord> find(String requestId);

    /** The record whose {@link JobRecord#webhookTokenHash()} is {@code hash}; empty if none. */
    Optional<JobRecord> findByWebhookTokenHash(String hash);

    /** The number of stored records, not counting those set aside as corrupt. */
    long count();

    /** The earliest {@code submittedAt} of the stored records (for "oldest pending job" health details). */
    Optional<Instant> oldestSubmittedAt();

    /** Up to {@code max} records, oldest submit first (then request id): for health checks and tools. */
    List<JobRecord> list(int max);

    /**
     * Appends one line to the spend ledger, durably when it returns in a durable store. Ledger lines are never removed
     * with jobs; only {@link #pruneSpendBefore} removes them.
     *
     * @throws JobStoreException when it could not be written
     */
    void recordSpend(SpendEntry entry);

    /**
     * The sum of the ledger's amounts for {@code scope} and {@code currency} at or after {@code since}; zero when there
     * are none. Survives restarts in durable stores.
     */
    BigDecimal spendSince(Instant since, String scope, String currency);

    /**
     * Appends {@code entry} to the ledger only if what its scope spent in its currency at or after {@code since}, plus
     * the entry's amount, stays within {@code limit}: a spend cap's check and reservation in one atomic step for every
     * caller of this store. The JDBC store makes it atomic across the JVMs sharing its tables (a row lock per scope);
     * this default, for single-process stores, within the JVM.
     *
     * @return empty when the entry was appended; else what the scope spent since {@code since} (nothing appended)
     * @throws JobStoreException when the ledger cannot be read or written
     */
    default Optional<BigDecimal> recordSpendWithin(SpendEntry entry, Instant since, BigDecimal limit) {
        synchronized (this) {
            BigDecimal spent = spendSince(since, entry.scope(), entry.currency());
            if (spent.add(entry.amount()).compareTo(limit) > 0) {
                return Optional.of(spent);
            }
            recordSpend(entry);
            return Optional.empty();
        }
    }

    /**
     * Deletes ledger lines older than {@code before} (keep at least the longest budget period).
     *
     * @return the number of lines deleted
     */
    int pruneSpendBefore(Instant before);

    /** The problems (unusable records) found since this store started, oldest first; at most the latest 100. */
    List<StoreProblem> problems();

    /** Also tells {@code listener} about each problem found from now on (null: only the WARN log line). */
    void setProblemListener(StoreProblemListener listener);
}
