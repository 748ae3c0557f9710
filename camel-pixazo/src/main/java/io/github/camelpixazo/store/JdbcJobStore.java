package io.github.camelpixazo.store;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.camelpixazo.error.JobStoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobStore} in two tables of a relational database reached through the user's {@link DataSource} (which is
 * also the connection pool): the store that several instances share. Proven on PostgreSQL (14) and H2 (2.3); it uses
 * standard SQL only (no vendor syntax), so other databases with {@code CREATE TABLE IF NOT EXISTS} should work.
 *
 * <h2>Schema</h2>
 * Created at {@link #start()} if missing (unless {@link #setCreateSchema(boolean) createSchema} is false), from the
 * resource {@value #SCHEMA_RESOURCE}: table {@code pixazo_jobs} (one row per job; times as epoch milliseconds
 * {@code BIGINT}; carried headers as JSON text; indexes on {@code next_poll_at} and, unique, on
 * {@code webhook_token_hash}) and table {@code pixazo_spend} (the spend ledger). Table names are configurable
 * ({@link #setJobsTable}, {@link #setSpendTable}): plain identifiers of at most 50 characters, no schema prefix (the
 * DataSource's default schema is used). Start fails, naming the table, if a table lacks a column.
 *
 * <h2>Leases across instances</h2>
 * A claim is one transaction: select up to {@code max} candidate ids in due order (no lock), then one conditional
 * {@code UPDATE ... SET lease_owner = ?, lease_until = ? WHERE request_id IN (...) AND next_poll_at <= ? AND
 * (lease_owner IS NULL OR lease_until <= ?)}, then read back the rows now leased to the owner. The
 * database locks each row it updates and re-checks the condition on the row's latest committed version, so when two
 * instances race for a row, the second finds it leased and skips it: no row is ever leased to two owners. A deadlock
 * or serialization failure (SQLState class 40, or a lock time-out) rolls back and retries, up to three times. Leases
 * are columns, so they survive a restart: a restarted instance waits for its former leases to expire, or, with a
 * stable owner id, takes them back at once with {@link #releaseAll}.
 *
 * <h2>Durability</h2>
 * Each write is a committed transaction when the method returns: as durable as the database makes commits
 * (PostgreSQL's default {@code synchronous_commit=on} flushes the WAL first).
 *
 * <h2>Unreadable rows</h2>
 * A row whose values do not make a {@link JobRecord} (garbage in {@code carried_headers}, a negative
 * {@code polls}, ...) is reported with its table and request id, and marked: its {@code problem} column gets the
 * reason and its lease is cleared; its data are left as they are. Marked rows are skipped by every method (and not
 * counted) until someone fixes the row and sets {@code problem} back to NULL. Start logs how many marked rows there
 * are.
 */
public class JdbcJobStore extends AbstractJobStore {

    /** The default name of the jobs table. */
    public static final String DEFAULT_JOBS_TABLE = "pixazo_jobs";
    /** The default name of the spend ledger table. */
    public static final String DEFAULT_SPEND_TABLE = "pixazo_spend";
    /** The class-path resource holding the schema's statements. */
    public static final String SCHEMA_RESOURCE = "io/github/camelpixazo/store/jdbc-schema.sql";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcJobStore.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}");
    private static final String COLUMNS = "request_id, gateway, base_url, model, operation, image_count, image_format,"
                                          + " submitted_at, carried_headers, webhook_token_hash, estimated_cost,"
                                          + " cost_currency, next_poll_at, poll_interval_ms, polls, last_status,"
                                          + " last_error, lease_owner, lease_until";
    private static final String CLAIMABLE = "problem IS NULL AND (lease_owner IS NULL OR lease_until <= ?)";
    private static final int ATTEMPTS = 3;
    /** Candidate ids per round of a claim (the size of one IN list). */
    private static final int PAGE = 200;

    private final DataSource dataSource;
    private String jobsTable = DEFAULT_JOBS_TABLE;
    private String spendTable = DEFAULT_SPEND_TABLE;
    private boolean createSchema = true;
    private volatile String database = "database";

    /** A store on {@code dataSource}; configure the table names before {@link #start()}. */
    public JdbcJobStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The jobs table's name (default {@value #DEFAULT_JOBS_TABLE}); a plain identifier of at most 50 characters. */
    public void setJobsTable(String jobsTable) {
        checkNotStarted();
        this.jobsTable = identifier(jobsTable, "jobsTable");
    }

    /** The spend ledger table's name (default {@value #DEFAULT_SPEND_TABLE}); a plain identifier. */
    public void setSpendTable(String spendTable) {
        checkNotStarted();
        this.spendTable = identifier(spendTable, "spendTable");
    }

    /** Whether {@link #start()} creates missing tables and indexes (default true). */
    public void setCreateSchema(boolean createSchema) {
        checkNotStarted();
        this.createSchema = createSchema;
    }

    public String getJobsTable() {
        return jobsTable;
    }

    public String getSpendTable() {
        return spendTable;
    }

    public boolean isCreateSchema() {
        return createSchema;
    }

    @Override
    public String location() {
        return "table " + jobsTable + " (" + database + ")";
    }

    /**
     * The schema's statements for the given table names, comments removed: what {@link #start()} runs, for a DBA who
     * creates the tables himself.
     */
    public static List<String> schemaStatements(String jobsTable, String spendTable) {
        String jobs = identifier(jobsTable, "jobsTable");
        String spend = identifier(spendTable, "spendTable");
        String script;
        try (InputStream in = JdbcJobStore.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + SCHEMA_RESOURCE, e);
        }
        script = script.replaceAll("--[^\n]*", "").replace("${jobs}", jobs).replace("${spend}", spend);
        List<String> statements = new ArrayList<>();
        for (String statement : script.split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    @Override
    protected void doStart() {
        try (Connection c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new JobStoreException("The JDBC job store cannot connect to its database: " + e.getMessage()
                                        + " (check the DataSource)", location(), null, null, e);
        }
        if (createSchema) {
            createSchema();
        }
        verifySchema();
        long marked = query("count unreadable rows", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + jobsTable
                                                           + " WHERE problem IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (marked > 0) {
            LOG.warn("{} rows of {} are marked unreadable (column problem) and skipped: fix each and set its problem"
                     + " column to NULL, or delete it", marked, location());
        }
        LOG.info("Job store {} started with {} pending jobs", location(), count());
    }

    @Override
    protected void doStop() {
        // connections are borrowed per call: nothing to close
    }

    @Override
    public boolean add(JobRecord record) {
        checkStarted();
        JobRecord free = Objects.requireNonNull(record, "record").withoutLease();
        String id = free.requestId();
        try {
            return transaction(c -> {
                insert(c, free);
                return true;
            });
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw failure("store the job", id, e);
            }
        }
        // a unique key is taken: the same job added again, a conflicting one, or a token hash used twice
        Optional<JobRecord> existing = find(id);
        if (existing.isPresent()) {
            if (existing.get().sameSubmission(free)) {
                return false;
            }
            throw new JobStoreException("The job store " + location() + " already holds a different record for"
                                        + " request id " + id + ": the gateway reused a request id, or two components"
                                        + " share one table", location(), null, id, null);
        }
        throw new JobStoreException("The job store " + location() + " could not add request id " + id + ": its row"
                                    + " exists but is marked unreadable, or another job has the same webhook token"
                                    + " hash", location(), null, id, null);
    }

    @Override
    public List<JobRecord> claimDue(String owner, Instant now, Duration lease, int max) {
        checkStarted();
        checkClaim(owner, now, lease);
        checkMax(max);
        List<JobRecord> claimed = new ArrayList<>();
        // a round may lose candidates to other owners: try a few more rounds while more may be due
        for (int round = 0; round < 4 && claimed.size() < max; round++) {
            int page = Math.min(PAGE, max - claimed.size());
            ClaimRound result = query("claim due jobs", null, c -> claimRound(c, owner, now, lease, page));
            claimed.addAll(result.claimed);
            if (result.candidates < page) {
                break;
            }
        }
        return claimed;
    }

    @Override
    public Optional<JobRecord> claim(String requestId, String owner, Instant now, Duration lease) {
        checkStarted();
        checkClaim(owner, now, lease);
        Objects.requireNonNull(requestId, "requestId");
        long until = now.plus(lease).toEpochMilli();
        return query("claim the job", requestId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobsTable + " SET lease_owner = ?,"
                                                           + " lease_until = ? WHERE request_id = ? AND "
                                                           + CLAIMABLE)) {
                ps.setString(1, owner);
                ps.setLong(2, until);
                ps.setString(3, requestId);
                ps.setLong(4, now.toEpochMilli());
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            List<JobRecord> rows = selectLeased(c, List.of(requestId), owner, until);
            return rows.stream().findFirst();
        });
    }

    @Override
    public boolean update(JobRecord record, String owner) {
        return writePollState(record, owner, null);
    }

    @Override
    public boolean updateKeepingLease(JobRecord record, String owner, Instant leaseUntil) {
        return writePollState(record, owner, Objects.requireNonNull(leaseUntil, "leaseUntil"));
    }

    @Override
    public boolean renew(String requestId, String owner, Instant now, Duration lease) {
        checkStarted();
        checkClaim(owner, now, lease);
        Objects.requireNonNull(requestId, "requestId");
        return update("renew the lease", requestId, "UPDATE " + jobsTable + " SET lease_until = ? WHERE request_id = ?"
                                                    + " AND lease_owner = ?",
                ps -> {
                    ps.setLong(1, now.plus(lease).toEpochMilli());
                    ps.setString(2, requestId);
                    ps.setString(3, owner);
                }) == 1;
    }

    @Override
    public boolean release(String requestId, String owner) {
        checkStarted();
        checkOwner(owner);
        Objects.requireNonNull(requestId, "requestId");
        return update("release the lease", requestId, "UPDATE " + jobsTable + " SET lease_owner = NULL,"
                                                      + " lease_until = NULL WHERE request_id = ? AND lease_owner = ?",
                ps -> {
                    ps.setString(1, requestId);
                    ps.setString(2, owner);
                }) == 1;
    }

    @Override
    public int releaseAll(String owner) {
        checkStarted();
        checkOwner(owner);
        return update("release the leases of " + owner, null, "UPDATE " + jobsTable + " SET lease_owner = NULL,"
                                                             + " lease_until = NULL WHERE lease_owner = ?",
                ps -> ps.setString(1, owner));
    }

    @Override
    public boolean remove(String requestId, String owner) {
        checkStarted();
        checkOwner(owner);
        Objects.requireNonNull(requestId, "requestId");
        return update("remove the job", requestId, "DELETE FROM " + jobsTable + " WHERE request_id = ?"
                                                   + " AND lease_owner = ?",
                ps -> {
                    ps.setString(1, requestId);
                    ps.setString(2, owner);
                }) == 1;
    }

    @Override
    public Optional<JobRecord> find(String requestId) {
        checkStarted();
        Objects.requireNonNull(requestId, "requestId");
        return select("read the job", requestId, " WHERE request_id = ? AND problem IS NULL",
                ps -> ps.setString(1, requestId)).stream().findFirst();
    }

    @Override
    public Optional<JobRecord> findByWebhookTokenHash(String hash) {
        checkStarted();
        Objects.requireNonNull(hash, "hash");
        return select("find a job by webhook token", null, " WHERE webhook_token_hash = ? AND problem IS NULL",
                ps -> ps.setString(1, hash)).stream().findFirst();
    }

    @Override
    public long count() {
        checkStarted();
        return query("count jobs", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + jobsTable
                                                           + " WHERE problem IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<Instant> oldestSubmittedAt() {
        checkStarted();
        return query("find the oldest job", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(submitted_at) FROM " + jobsTable
                                                           + " WHERE problem IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
            }
        });
    }

    @Override
    public List<JobRecord> list(int max) {
        checkStarted();
        checkMax(max);
        return select("list jobs", null, " WHERE problem IS NULL ORDER BY submitted_at, request_id"
                                         + " FETCH FIRST ? ROWS ONLY",
                ps -> ps.setInt(1, max));
    }

    @Override
    public void recordSpend(SpendEntry entry) {
        checkStarted();
        Objects.requireNonNull(entry, "entry");
        update("record spend", null, "INSERT INTO " + spendTable + " (spent_at, amount, currency, scope)"
                                     + " VALUES (?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, entry.at().toEpochMilli());
                    ps.setBigDecimal(2, entry.amount());
                    ps.setString(3, entry.currency());
                    ps.setString(4, entry.scope());
                });
    }

    @Override
    public BigDecimal spendSince(Instant since, String scope, String currency) {
        checkStarted();
        Objects.requireNonNull(since, "since");
        return query("sum spend", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(amount) FROM " + spendTable
                                                           + " WHERE scope = ? AND currency = ? AND spent_at >= ?")) {
                ps.setString(1, scope);
                ps.setString(2, currency);
                ps.setLong(3, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    BigDecimal sum = rs.getBigDecimal(1);
                    return Amounts.normalize(sum == null ? BigDecimal.ZERO : sum, "spend");
                }
            }
        });
    }

    /**
     * Atomic across every JVM sharing the tables: each scope has an anchor row in the spend table (time 0, amount 0, an
     * empty currency, so no sum ever counts it), created once in a transaction of its own; the check-and-append
     * transaction first locks the scope's anchor rows ({@code SELECT ... FOR UPDATE}), so two reservations of one scope
     * run one after the other, whichever instance makes them. A lock wait that times out is retried like any
     * transient failure.
     */
    @Override
    public Optional<BigDecimal> recordSpendWithin(SpendEntry entry, Instant since, BigDecimal limit) {
        checkStarted();
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(limit, "limit");
        ensureSpendAnchor(entry.scope());
        try {
            return transaction(c -> {
                try (PreparedStatement lock = c.prepareStatement("SELECT amount FROM " + spendTable
                                                                 + " WHERE scope = ? AND currency = '' FOR UPDATE")) {
                    lock.setString(1, entry.scope());
                    try (ResultSet rs = lock.executeQuery()) {
                        while (rs.next()) {
                            // held until the commit
                        }
                    }
                }
                BigDecimal spent;
                try (PreparedStatement sum = c.prepareStatement("SELECT SUM(amount) FROM " + spendTable
                                                                + " WHERE scope = ? AND currency = ? AND spent_at >= ?")) {
                    sum.setString(1, entry.scope());
                    sum.setString(2, entry.currency());
                    sum.setLong(3, since.toEpochMilli());
                    try (ResultSet rs = sum.executeQuery()) {
                        rs.next();
                        BigDecimal total = rs.getBigDecimal(1);
                        spent = Amounts.normalize(total == null ? BigDecimal.ZERO : total, "spend");
                    }
                }
                if (spent.add(entry.amount()).compareTo(limit) > 0) {
                    return Optional.of(spent);
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + spendTable
                                                                   + " (spent_at, amount, currency, scope) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, entry.at().toEpochMilli());
                    insert.setBigDecimal(2, entry.amount());
                    insert.setString(3, entry.currency());
                    insert.setString(4, entry.scope());
                    insert.executeUpdate();
                }
                return Optional.<BigDecimal>empty();
            });
        } catch (SQLException e) {
            throw new JobStoreException("Could not check and record spend in " + location() + ": " + e.getMessage(),
                    location(), null, null, e);
        }
    }

    /** The scope's anchor row, committed before any lock on it is taken (see {@link #recordSpendWithin}). */
    private void ensureSpendAnchor(String scope) {
        try {
            transaction(c -> {
                try (PreparedStatement find = c.prepareStatement("SELECT COUNT(*) FROM " + spendTable
                                                                 + " WHERE scope = ? AND currency = ''")) {
                    find.setString(1, scope);
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            return null;
                        }
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + spendTable
                                                                   + " (spent_at, amount, currency, scope) VALUES (0, 0, '', ?)")) {
                    insert.setString(1, scope);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new JobStoreException("Could not prepare the spend ledger of " + scope + " in " + location() + ": "
                                        + e.getMessage(), location(), null, null, e);
        }
    }

    @Override
    public int pruneSpendBefore(Instant before) {
        checkStarted();
        Objects.requireNonNull(before, "before");
        return update("prune the spend ledger", null, "DELETE FROM " + spendTable + " WHERE spent_at < ? AND currency <> ''",
                ps -> ps.setLong(1, before.toEpochMilli()));
    }

    // ---- claims

    private static final class ClaimRound {
        final List<JobRecord> claimed;
        final int candidates;

        ClaimRound(List<JobRecord> claimed, int candidates) {
            this.claimed = claimed;
            this.candidates = candidates;
        }
    }

    private ClaimRound claimRound(Connection c, String owner, Instant now, Duration lease, int page)
            throws SQLException {
        long nowMillis = now.toEpochMilli();
        long until = now.plus(lease).toEpochMilli();
        List<String> candidates = new ArrayList<>(page);
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id FROM " + jobsTable + " WHERE next_poll_at"
                                                       + " <= ? AND " + CLAIMABLE + " ORDER BY next_poll_at,"
                                                       + " request_id FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, nowMillis);
            ps.setLong(2, nowMillis);
            ps.setInt(3, page);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new ClaimRound(List.of(), 0);
        }
        // one lock order for every instance: fewer deadlocks between overlapping claims
        List<String> ids = new ArrayList<>(candidates);
        Collections.sort(ids);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobsTable + " SET lease_owner = ?, lease_until = ?"
                                                       + " WHERE request_id IN (" + placeholders(ids.size()) + ")"
                                                       + " AND next_poll_at <= ? AND " + CLAIMABLE)) {
            int i = 1;
            ps.setString(i++, owner);
            ps.setLong(i++, until);
            for (String id : ids) {
                ps.setString(i++, id);
            }
            ps.setLong(i++, nowMillis);
            ps.setLong(i, nowMillis);
            if (ps.executeUpdate() == 0) {
                return new ClaimRound(List.of(), candidates.size());
            }
        }
        return new ClaimRound(selectLeased(c, ids, owner, until), candidates.size());
    }

    /** The rows among {@code ids} leased to {@code owner} until {@code until}, in due order; marks unreadable ones. */
    private List<JobRecord> selectLeased(Connection c, List<String> ids, String owner, long until)
            throws SQLException {
        List<JobRecord> leased = new ArrayList<>(ids.size());
        List<StoreProblem> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + jobsTable
                                                       + " WHERE request_id IN (" + placeholders(ids.size()) + ")"
                                                       + " AND lease_owner = ? AND lease_until = ?"
                                                       + " ORDER BY next_poll_at, request_id")) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            ps.setString(i++, owner);
            ps.setLong(i, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readRow(rs, leased, problems);
                }
            }
        }
        markUnreadable(c, problems);
        return leased;
    }

    // ---- reads and writes

    private boolean writePollState(JobRecord record, String owner, Instant keepUntil) {
        checkStarted();
        checkOwner(owner);
        Objects.requireNonNull(record, "record");
        return update("update the job", record.requestId(), "UPDATE " + jobsTable + " SET next_poll_at = ?,"
                                                            + " poll_interval_ms = ?, polls = ?, last_status = ?,"
                                                            + " last_error = ?, lease_owner = ?, lease_until = ?"
                                                            + " WHERE request_id = ? AND lease_owner = ?",
                ps -> {
                    ps.setLong(1, record.nextPollAt().toEpochMilli());
                    ps.setLong(2, record.pollInterval().toMillis());
                    ps.setInt(3, record.polls());
                    ps.setString(4, record.lastStatus());
                    setNullable(ps, 5, record.lastError());
                    if (keepUntil == null) {
                        ps.setNull(6, Types.VARCHAR);
                        ps.setNull(7, Types.BIGINT);
                    } else {
                        ps.setString(6, owner);
                        ps.setLong(7, keepUntil.toEpochMilli());
                    }
                    ps.setString(8, record.requestId());
                    ps.setString(9, owner);
                }) == 1;
    }

    private void insert(Connection c, JobRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + jobsTable + " (" + COLUMNS + ") VALUES ("
                                                       + placeholders(19) + ")")) {
            ps.setString(1, r.requestId());
            ps.setString(2, r.gateway());
            setNullable(ps, 3, r.baseUrl());
            ps.setString(4, r.model());
            ps.setString(5, r.operation());
            if (r.n() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, r.n());
            }
            setNullable(ps, 7, r.format());
            ps.setLong(8, r.submittedAt().toEpochMilli());
            ps.setString(9, JobRecordJson.writeHeaders(r.carriedHeaders()));
            setNullable(ps, 10, r.webhookTokenHash());
            if (r.estimatedCost() == null) {
                ps.setNull(11, Types.NUMERIC);
            } else {
                ps.setBigDecimal(11, r.estimatedCost());
            }
            setNullable(ps, 12, r.costCurrency());
            ps.setLong(13, r.nextPollAt().toEpochMilli());
            ps.setLong(14, r.pollInterval().toMillis());
            ps.setInt(15, r.polls());
            ps.setString(16, r.lastStatus());
            setNullable(ps, 17, r.lastError());
            ps.setNull(18, Types.VARCHAR);
            ps.setNull(19, Types.BIGINT);
            ps.executeUpdate();
        }
    }

    private List<JobRecord> select(String what, String requestId, String where, Binder binder) {
        return query(what, requestId, c -> {
            List<JobRecord> records = new ArrayList<>();
            List<StoreProblem> problems = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + jobsTable + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        readRow(rs, records, problems);
                    }
                }
            }
            markUnreadable(c, problems);
            return records;
        });
    }

    /** Adds the row's record to {@code records}, or its problem to {@code problems}. */
    private void readRow(ResultSet rs, List<JobRecord> records, List<StoreProblem> problems) throws SQLException {
        String id = rs.getString("request_id");
        try {
            int n = rs.getInt("image_count");
            Integer count = rs.wasNull() ? null : n;
            long leaseUntil = rs.getLong("lease_until");
            Instant until = rs.wasNull() ? null : Instant.ofEpochMilli(leaseUntil);
            records.add(JobRecord.builder()
                    .requestId(id)
                    .gateway(rs.getString("gateway"))
                    .baseUrl(rs.getString("base_url"))
                    .model(rs.getString("model"))
                    .operation(rs.getString("operation"))
                    .n(count)
                    .format(rs.getString("image_format"))
                    .submittedAt(Instant.ofEpochMilli(rs.getLong("submitted_at")))
                    .carriedHeaders(JobRecordJson.readHeaders(rs.getString("carried_headers"), id))
                    .webhookTokenHash(rs.getString("webhook_token_hash"))
                    .estimatedCost(rs.getBigDecimal("estimated_cost"))
                    .costCurrency(rs.getString("cost_currency"))
                    .nextPollAt(Instant.ofEpochMilli(rs.getLong("next_poll_at")))
                    .pollInterval(Duration.ofMillis(rs.getLong("poll_interval_ms")))
                    .polls(rs.getInt("polls"))
                    .lastStatus(rs.getString("last_status"))
                    .lastError(rs.getString("last_error"))
                    .leaseOwner(rs.getString("lease_owner"))
                    .leaseUntil(until)
                    .build());
        } catch (JobRecordJson.Unreadable e) {
            problems.add(problem(id, "carried_headers: " + e.getMessage()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(problem(id, e.getMessage()));
        }
    }

    private StoreProblem problem(String requestId, String reason) {
        return new StoreProblem("table " + jobsTable + ", row request_id '" + requestId + "'", requestId, reason,
                "marked in column problem (and its lease cleared); skipped until someone fixes the row and sets"
                + " problem to NULL", Instant.now());
    }

    /** Marks each unreadable row in the same transaction, then reports it. */
    private void markUnreadable(Connection c, List<StoreProblem> problems) throws SQLException {
        if (problems.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobsTable + " SET problem = ?, lease_owner = NULL,"
                                                       + " lease_until = NULL WHERE request_id = ?"
                                                       + " AND problem IS NULL")) {
            for (StoreProblem problem : problems) {
                String reason = problem.reason();
                ps.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                ps.setString(2, problem.requestId());
                ps.executeUpdate();
            }
        }
        problems.forEach(this::report);
    }

    // ---- schema

    private void createSchema() {
        for (String statement : schemaStatements(jobsTable, spendTable)) {
            try {
                transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                    return null;
                });
            } catch (SQLException e) {
                // two instances starting at once may both create: the verification below decides
                LOG.debug("Creating the job store schema: '{}' failed: {}", statement, e.getMessage());
            }
        }
    }

    private void verifySchema() {
        verify(jobsTable, COLUMNS + ", problem");
        verify(spendTable, "spent_at, amount, currency, scope");
    }

    private void verify(String table, String columns) {
        try {
            transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                                                               + " WHERE 1 = 0");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        } catch (SQLException e) {
            throw new JobStoreException("The job store table " + table + " (" + database + ") is missing or lacks"
                                        + " columns (" + columns + "): " + e.getMessage() + ". "
                                        + (createSchema ? "It could not be created: check the DataSource user's"
                                                          + " rights, or create it with the statements of "
                                                        : "Create it with the statements of ")
                                        + SCHEMA_RESOURCE + " (also in JdbcJobStore.schemaStatements).",
                    location(), null, null, e);
        }
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String what, String requestId, String sql, Binder binder) {
        return query(what, requestId, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    private <T> T query(String what, String requestId, Work<T> work) {
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw failure(what, requestId, e);
        }
    }

    /**
     * Runs {@code work} in one transaction on a connection of the pool, whatever the pool's auto-commit default;
     * retries deadlocks, serialization failures and lock time-outs.
     */
    private <T> T transaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                if (autoCommit) {
                    c.setAutoCommit(false);
                }
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollBack(c, e);
                    throw e;
                } finally {
                    if (autoCommit) {
                        c.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.debug("Job store {}: retrying after {} (SQLState {})", location(), e.getMessage(), e.getSQLState());
                pause(attempt);
            }
        }
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException
               || state != null && (state.startsWith("40") || "HYT00".equals(state) || "55P03".equals(state));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rollBack(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private JobStoreException failure(String what, String requestId, SQLException e) {
        return new JobStoreException("The job store " + location() + " could not " + what
                                     + (requestId == null ? "" : " (request id " + requestId + ")") + ": "
                                     + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                location(), null, requestId, e);
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String identifier(String name, String option) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(option + " must be a plain SQL identifier (a letter or _, then letters,"
                                               + " digits or _; at most 50 characters; no schema prefix), got '"
                                               + name + "'");
        }
        return name;
    }

    private void checkNotStarted() {
        if (isStarted() || isStarting()) {
            throw new IllegalStateException("Configure the job store " + location() + " before starting it");
        }
    }
}
