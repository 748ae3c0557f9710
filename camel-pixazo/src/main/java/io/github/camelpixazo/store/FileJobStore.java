package io.github.camelpixazo.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelpixazo.error.JobStoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link JobStore}: one JSON file per job in a directory, for one process.
 *
 * <h2>Layout</h2>
 * <pre>
 * &lt;directory&gt;/
 *   store.lock                 held (OS file lock) by the process using the directory; says which process
 *   req_1.job.json             one record per job ({@link JobRecordJson}), named after the request id
 *   spend-ledger.jsonl         the spend ledger, one JSON line per entry ({@link SpendLedgerFile})
 *   .req_1.job.json.7.tmp      only during a write, or left by a crash during one (deleted at start)
 *   req_2.job.json.corrupt     a record found unusable, set aside (reported once, then left to people)
 * </pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>Every write replaces a file atomically (temporary file in the same directory, forced to disk, renamed with
 * {@code ATOMIC_MOVE}; the directory forced after an add or a remove), so {@code kill -9} or a power loss at any
 * instant leaves the old or the new record, never half of one; {@link #add}, {@link #update} and
 * {@link #recordSpend} are durable when they return.</li>
 * <li>{@link #start()} reads every record once into an in-memory index (ordered by due time), so claims and lookups
 * never read the disk. Changes made to the files by hand while the store runs are not seen, and may be
 * overwritten.</li>
 * <li>One process per directory: {@link #start()} takes an exclusive lock on {@value #LOCK_FILE} and fails, naming
 * the directory, if another process (or another store in this JVM) holds it. Several instances share a
 * {@link JdbcJobStore} instead. Leases therefore live in memory only and a restart frees them all. The lock is the
 * operating system's advisory file lock: reliable on local disks, not on every network file system.</li>
 * <li>At start, an unusable record file (empty, truncated, not JSON, a field of the wrong type or value, a name that
 * does not match its request id, a duplicate) is reported and renamed to {@code <name>.corrupt} so that it is not
 * reported again; a leftover temporary file is reported and deleted (its write never completed, so the record it was
 * replacing, if any, is intact). The other records load as usual. {@code .corrupt} files are counted in one WARN line
 * at each start, until someone deletes them.</li>
 * <li>A directory that cannot be created, is not a directory, or cannot be written fails {@link #start()} with a
 * {@link JobStoreException} whose {@link JobStoreException#getPath()} is the directory.</li>
 * </ul>
 *
 * <p>Writes block the calling thread for a disk flush (about a millisecond on an SSD): call {@link #add} and
 * {@link #update} from worker threads, not from I/O threads. Records of different jobs are written in parallel.
 */
public class FileJobStore extends AbstractJobStore {

    /** The lock file's name inside the directory. */
    public static final String LOCK_FILE = "store.lock";
    /** The spend ledger's name inside the directory. */
    public static final String SPEND_LEDGER_FILE = "spend-ledger.jsonl";
    /** The suffix of a record file. */
    public static final String RECORD_SUFFIX = JobFileNames.SUFFIX;
    /** The suffix given to a record file that was found unusable. */
    public static final String CORRUPT_SUFFIX = ".corrupt";

    private static final Logger LOG = LoggerFactory.getLogger(FileJobStore.class);
    private static final String PROBE_FILE = ".write-probe";

    private final Path directory;
    private volatile JobIndex index;
    private volatile SpendLedgerFile ledger;
    private FileChannel lockChannel;
    private FileLock lock;

    /** A store in {@code directory} (created at start if missing). */
    public FileJobStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The store's directory (absolute). */
    public Path getDirectory() {
        return directory;
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    protected void doStart() {
        createDirectory();
        lock();
        try {
            probeWritable();
            JobIndex loaded = new JobIndex(location(), new FileJournal());
            load(loaded);
            index = loaded;
            ledger = SpendLedgerFile.open(directory.resolve(SPEND_LEDGER_FILE), this::report);
            LOG.info("Job store {} started with {} pending jobs", directory, loaded.count());
        } catch (RuntimeException e) {
            unlock();
            throw e;
        }
    }

    @Override
    protected void doStop() {
        SpendLedgerFile open = ledger;
        if (open != null) {
            open.close();
        }
        ledger = null;
        index = null;
        unlock();
    }

    @Override
    public boolean add(JobRecord record) {
        return index().add(Objects.requireNonNull(record, "record"));
    }

    @Override
    public List<JobRecord> claimDue(String owner, Instant now, Duration lease, int max) {
        checkClaim(owner, now, lease);
        checkMax(max);
        return index().claimDue(owner, now, lease, max);
    }

    @Override
    public Optional<JobRecord> claim(String requestId, String owner, Instant now, Duration lease) {
        checkClaim(owner, now, lease);
        return index().claim(Objects.requireNonNull(requestId, "requestId"), owner, now, lease);
    }

    @Override
    public boolean update(JobRecord record, String owner) {
        checkOwner(owner);
        return index().update(Objects.requireNonNull(record, "record"), owner, null);
    }

    @Override
    public boolean updateKeepingLease(JobRecord record, String owner, Instant leaseUntil) {
        checkOwner(owner);
        return index().update(Objects.requireNonNull(record, "record"), owner,
                Objects.requireNonNull(leaseUntil, "leaseUntil"));
    }

    @Override
    public boolean renew(String requestId, String owner, Instant now, Duration lease) {
        checkClaim(owner, now, lease);
        return index().renew(Objects.requireNonNull(requestId, "requestId"), owner, now.plus(lease));
    }

    @Override
    public boolean release(String requestId, String owner) {
        checkOwner(owner);
        return index().release(Objects.requireNonNull(requestId, "requestId"), owner);
    }

    @Override
    public int releaseAll(String owner) {
        checkOwner(owner);
        return index().releaseAll(owner);
    }

    @Override
    public boolean remove(String requestId, String owner) {
        checkOwner(owner);
        return index().remove(Objects.requireNonNull(requestId, "requestId"), owner);
    }

    @Override
    public Optional<JobRecord> find(String requestId) {
        return index().find(Objects.requireNonNull(requestId, "requestId"));
    }

    @Override
    public Optional<JobRecord> findByWebhookTokenHash(String hash) {
        return index().findByWebhookTokenHash(Objects.requireNonNull(hash, "hash"));
    }

    @Override
    public long count() {
        return index().count();
    }

    @Override
    public Optional<Instant> oldestSubmittedAt() {
        return index().oldestSubmittedAt();
    }

    @Override
    public List<JobRecord> list(int max) {
        checkMax(max);
        return index().list(max);
    }

    @Override
    public void recordSpend(SpendEntry entry) {
        ledger().append(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public BigDecimal spendSince(Instant since, String scope, String currency) {
        return ledger().sumSince(Objects.requireNonNull(since, "since"), scope, currency);
    }

    @Override
    public int pruneSpendBefore(Instant before) {
        return ledger().pruneBefore(Objects.requireNonNull(before, "before"));
    }

    private JobIndex index() {
        checkStarted();
        JobIndex current = index;
        if (current == null) {
            throw new IllegalStateException("The job store " + location() + " is not started");
        }
        return current;
    }

    private SpendLedgerFile ledger() {
        checkStarted();
        SpendLedgerFile current = ledger;
        if (current == null) {
            throw new IllegalStateException("The job store " + location() + " is not started");
        }
        return current;
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw failure("cannot be created: " + e.getFile() + " exists and is not a directory", e);
        } catch (IOException | SecurityException e) {
            throw failure("cannot be created: " + e, e);
        }
        if (!Files.isDirectory(directory)) {
            throw failure("is not a directory", null);
        }
    }

    private void lock() {
        Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null;
            }
            if (acquired == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new JobStoreException("The job store directory " + directory + " is in use by another process"
                                            + " or job store (" + holder + " holds " + lockFile + "). A file job store"
                                            + " serves one process: give each instance its own directory, or share a"
                                            + " JDBC job store (a DataSource) between several instances.",
                        location(), directory, null, null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderText().getBytes(StandardCharsets.UTF_8)), 0);
            lockChannel = channel;
            lock = acquired;
        } catch (IOException e) {
            closeQuietly(channel);
            throw failure("cannot be written (its lock file " + lockFile + " cannot be created or locked: " + e + ")",
                    e);
        }
    }

    private void unlock() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.debug("Releasing the lock of {} failed; closing its channel releases it", directory, e);
        }
        closeQuietly(lockChannel);
        lock = null;
        lockChannel = null;
    }

    private void probeWritable() {
        Path probe = directory.resolve(PROBE_FILE);
        try {
            AtomicFiles.write(probe, new byte[] { 'o', 'k' }, false);
            Files.delete(probe);
        } catch (IOException e) {
            throw failure("cannot be written: " + e, e);
        }
    }

    private void load(JobIndex loaded) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw failure("cannot be listed: " + e, e);
        }
        Collections.sort(files);
        int setAside = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (AtomicFiles.isTemporary(name)) {
                deleteTemporary(file);
            } else if (name.endsWith(RECORD_SUFFIX)) {
                loadRecord(loaded, file, name);
            } else if (name.endsWith(CORRUPT_SUFFIX)) {
                setAside++;
            }
        }
        if (setAside > 0) {
            LOG.warn("{} job records set aside earlier as *{} remain in {}: inspect them, then delete them (or fix one"
                     + " and rename it back to *{} before a start)", setAside, CORRUPT_SUFFIX, directory,
                    RECORD_SUFFIX);
        }
    }

    private void loadRecord(JobIndex loaded, Path file, String name) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            report(new StoreProblem(file.toString(), null, "cannot be read: " + e, "skipped (left in place)",
                    Instant.now()));
            return;
        }
        String requestId = null;
        String reason;
        try {
            JobRecord record = JobRecordJson.read(content);
            requestId = record.requestId();
            String expected = JobFileNames.fileName(requestId);
            if (!expected.equals(name)) {
                reason = "its name does not match its request id (expected " + expected + ")";
            } else {
                reason = loaded.load(record);
            }
        } catch (JobRecordJson.Unreadable e) {
            requestId = e.requestId();
            reason = e.getMessage();
        }
        if (reason != null) {
            report(new StoreProblem(file.toString(), requestId, reason, setAside(file), Instant.now()));
        }
    }

    private String setAside(Path file) {
        Path target = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
        if (Files.exists(target)) {
            target = file.resolveSibling(file.getFileName() + "." + System.currentTimeMillis() + CORRUPT_SUFFIX);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            return "moved to " + target.getFileName();
        } catch (IOException e) {
            return "skipped, left in place (could not rename it: " + e + ")";
        }
    }

    private void deleteTemporary(Path file) {
        String action;
        try {
            Files.deleteIfExists(file);
            action = "deleted";
        } catch (IOException e) {
            action = "skipped (could not delete it: " + e + ")";
        }
        report(new StoreProblem(file.toString(), null, "temporary file left by an interrupted write (the record it was"
                                                       + " replacing, if any, is intact)", action, Instant.now()));
    }

    private JobStoreException failure(String what, Throwable cause) {
        return new JobStoreException("The job store directory " + directory + " " + what
                                     + ". Give the file job store a directory this process can create and write.",
                location(), directory, null, cause);
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(200);
            int read = channel.read(buffer, 0);
            String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String holderText() {
        // the runtime's name is pid@host
        return "process " + ManagementFactory.getRuntimeMXBean().getName() + " since " + Instant.now() + "\n";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock; nothing else to do
            }
        }
    }

    /** Writes records to their files. */
    private final class FileJournal implements JobIndex.Journal {

        @Override
        public void write(JobRecord record, boolean isNew) {
            Path file = directory.resolve(JobFileNames.fileName(record.requestId()));
            try {
                AtomicFiles.write(file, JobRecordJson.write(record), isNew);
            } catch (IOException e) {
                throw new JobStoreException("Could not write the job record of request id " + record.requestId()
                                            + " to " + file + " (disk full? permissions?): " + e, location(), file,
                        record.requestId(), e);
            }
        }

        @Override
        public void delete(JobRecord record) {
            Path file = directory.resolve(JobFileNames.fileName(record.requestId()));
            try {
                AtomicFiles.delete(file);
            } catch (IOException e) {
                throw new JobStoreException("Could not delete the job record of request id " + record.requestId()
                                            + " at " + file + ": " + e, location(), file, record.requestId(), e);
            }
        }
    }
}
