package io.github.camelpixazo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.support.LogCapture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpixazo.store.Records.T0;
import static io.github.camelpixazo.store.Records.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on {@link JdbcJobStore}, plus what only a table can get wrong: unreadable rows, the schema and its
 * configurable names. Each test uses tables of its own; a "second handle" is another store on another pool, as a
 * second instance would have. Subclasses bring the database.
 */
abstract class JdbcJobStoreContractTest extends JobStoreContractTest {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final List<DataSource> sources = new ArrayList<>();
    protected String jobsTable;

    /** A new pool (or DataSource) on the test database. */
    protected abstract DataSource newDataSource();

    /** Closes a pool made by {@link #newDataSource()}. */
    protected abstract void close(DataSource dataSource);

    /** The database's product name as the store reports it. */
    protected abstract String productName();

    @AfterEach
    void closeSources() {
        sources.forEach(this::close);
    }

    protected DataSource dataSource() {
        DataSource ds = newDataSource();
        sources.add(ds);
        return ds;
    }

    @Override
    protected JobStore openStore() {
        jobsTable = "jobs_" + TABLES.incrementAndGet();
        return open(dataSource());
    }

    private JdbcJobStore open(DataSource ds) {
        JdbcJobStore jdbc = new JdbcJobStore(ds);
        jdbc.setJobsTable(jobsTable);
        jdbc.setSpendTable(jobsTable + "_spend");
        jdbc.start();
        return jdbc;
    }

    @Override
    protected JobStore secondHandle(JobStore first) {
        return track(open(dataSource()));
    }

    @Override
    protected JobStore restart(JobStore s) {
        s.stop();
        return reopened(open(dataSource()));
    }

    @Override
    protected boolean leasesSurviveRestart() {
        return true;
    }

    @Test
    void theLocationNamesTheTableAndTheDatabase() {
        assertEquals("table " + jobsTable + " (" + productName() + ")", store.location());
    }

    @Test
    void unreadableRowsAreReportedMarkedAndSkippedWhileTheOthersAreClaimed() throws SQLException {
        store.add(job("good-1", 0));
        store.add(job("bad-json", 0));
        store.add(job("bad-value", 0));
        store.add(job("good-2", 0));
        execute("UPDATE " + jobsTable + " SET carried_headers = '{\"CamelFileName\": \"a.txt\", ' WHERE request_id"
                + " = 'bad-json'");
        execute("UPDATE " + jobsTable + " SET polls = -3 WHERE request_id = 'bad-value'");
        List<StoreProblem> heard = new ArrayList<>();
        store.setProblemListener(heard::add);

        List<String> log;
        List<JobRecord> claimed;
        try (LogCapture capture = new LogCapture()) {
            claimed = store.claimDue("a", T0, LEASE, 10);
            log = capture.lines();
        }

        assertEquals(List.of("good-1", "good-2"), ids(claimed));
        assertEquals(2, heard.size(), heard.toString());
        StoreProblem json = heard.stream().filter(p -> "bad-json".equals(p.requestId())).findFirst().orElseThrow();
        assertEquals("table " + jobsTable + ", row request_id 'bad-json'", json.location());
        assertTrue(json.reason().contains("carried_headers: not valid JSON"), json.reason());
        StoreProblem value = heard.stream().filter(p -> "bad-value".equals(p.requestId())).findFirst().orElseThrow();
        assertTrue(value.reason().contains("polls must not be negative"), value.reason());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains("row request_id 'bad-json'")),
                log.toString());

        // marked: not claimed, found, listed or counted again, and not reported on every poll
        assertEquals(List.of(), store.claimDue("b", T0.plus(LEASE), LEASE, 10).stream()
                .filter(r -> r.requestId().startsWith("bad")).toList());
        assertEquals(2, heard.size());
        assertTrue(store.find("bad-json").isEmpty());
        assertEquals(2, store.count());
        assertEquals(List.of("good-1", "good-2"), ids(store.list(10)));
        assertEquals("carried_headers: " + json.reason().substring("carried_headers: ".length()),
                queryString("SELECT problem FROM " + jobsTable + " WHERE request_id = 'bad-json'"));
        assertEquals("{\"CamelFileName\": \"a.txt\", ",
                queryString("SELECT carried_headers FROM " + jobsTable + " WHERE request_id = 'bad-json'"),
                "the row's data are left as they were");
        assertNull(queryString("SELECT lease_owner FROM " + jobsTable + " WHERE request_id = 'bad-json'"));

        // fixed by hand and unmarked: back in the game
        execute("UPDATE " + jobsTable + " SET carried_headers = '{}', problem = NULL WHERE request_id = 'bad-json'");
        assertEquals(List.of("bad-json"), ids(store.claimDue("c", T0.plus(LEASE), LEASE, 10)));

        // a restart says how many marked rows remain
        try (LogCapture capture = new LogCapture()) {
            restart(store);
            assertEquals(1, capture.count("1 rows of table " + jobsTable));
        }
    }

    @Test
    void findReportsAnUnreadableRowAndGivesNothing() throws SQLException {
        store.add(job("bad", 0));
        execute("UPDATE " + jobsTable + " SET gateway = 'Not A Gateway' WHERE request_id = 'bad'");

        assertTrue(store.find("bad").isEmpty());

        assertEquals(1, store.problems().size());
        assertTrue(store.problems().get(0).reason().contains("gateway"), store.problems().get(0).reason());
    }

    @Test
    void aMissingColumnFailsStartNamingTheTable() throws SQLException {
        execute("CREATE TABLE old_jobs (request_id VARCHAR(200) PRIMARY KEY)");
        JdbcJobStore old = new JdbcJobStore(dataSource());
        old.setJobsTable("old_jobs");

        JobStoreException e = assertThrows(JobStoreException.class, old::start);

        assertTrue(e.getMessage().contains("table old_jobs"), e.getMessage());
        assertTrue(e.getMessage().contains(JdbcJobStore.SCHEMA_RESOURCE), e.getMessage());
        assertFalse(old.isStarted());
    }

    @Test
    void withoutSchemaCreationAMissingTableFailsStart() {
        JdbcJobStore none = new JdbcJobStore(dataSource());
        none.setJobsTable("never_created");
        none.setCreateSchema(false);

        JobStoreException e = assertThrows(JobStoreException.class, none::start);

        assertTrue(e.getMessage().contains("table never_created"), e.getMessage());
        assertTrue(e.getMessage().contains("Create it with the statements of"), e.getMessage());
    }

    @Test
    void theDefaultTableNamesWorkAndStartingTwiceIsHarmless() {
        JdbcJobStore first = new JdbcJobStore(dataSource());
        first.start();
        track(first);
        first.add(job("req-1", 0));
        JdbcJobStore second = new JdbcJobStore(dataSource());
        second.start();
        track(second);

        assertEquals("table pixazo_jobs (" + productName() + ")", second.location());
        assertEquals(1, second.find("req-1").map(r -> 1).orElse(0));
        first.claim("req-1", "a", T0, LEASE);
        assertTrue(first.remove("req-1", "a"));
    }

    @Test
    void tableNamesMustBePlainIdentifiers() {
        JdbcJobStore jdbc = new JdbcJobStore(dataSource());
        for (String bad : new String[] { "jobs; DROP TABLE x", "public.jobs", "1jobs", "", "j".repeat(51) }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> jdbc.setJobsTable(bad));
            assertTrue(e.getMessage().contains("jobsTable"), e.getMessage());
        }
    }

    @Test
    void configurationIsRefusedOnceStarted() {
        JdbcJobStore started = (JdbcJobStore) store;
        assertThrows(IllegalStateException.class, () -> started.setJobsTable("other"));
    }

    protected void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    protected String queryString(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
