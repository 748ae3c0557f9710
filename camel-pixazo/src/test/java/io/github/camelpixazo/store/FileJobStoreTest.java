package io.github.camelpixazo.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.support.LogCapture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelpixazo.store.Records.T0;
import static io.github.camelpixazo.store.Records.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on {@link FileJobStore}, and what only a directory of files can get wrong: unusable files (truncated,
 * empty, garbage, a wrong type, a renamed file, a leftover temporary file) reported and set aside while the other
 * jobs load; a directory that cannot be created or written; two stores on one directory; a torn spend ledger line.
 */
class FileJobStoreTest extends JobStoreContractTest {

    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("jobs");
    }

    @Override
    protected JobStore openStore() {
        FileJobStore file = new FileJobStore(dir());
        file.start();
        return file;
    }

    @Override
    protected JobStore secondHandle(JobStore first) {
        return first;
    }

    @Override
    protected JobStore restart(JobStore s) {
        s.stop();
        return reopened(openStore());
    }

    @Override
    protected boolean leasesSurviveRestart() {
        return false;
    }

    @Test
    void eachJobIsOneJsonFileNamedAfterItsRequestIdAndNoTemporaryFileRemains() throws IOException {
        store.add(job("req-1", 0));
        store.add(job("Task_AB.c/d", 0));
        JobRecord leased = store.claim("req-1", "a", T0, LEASE).orElseThrow();
        store.update(leased.withPollState(T0.plusSeconds(9), Duration.ofSeconds(9), 1, "PROCESSING", null), "a");

        assertEquals(Set.of("req-1.job.json", "%54ask_%41%42%2Ec%2Fd.job.json", "store.lock", "spend-ledger.jsonl"),
                names(dir()));
        String json = Files.readString(dir().resolve("req-1.job.json"));
        assertTrue(json.contains("\"requestId\":\"req-1\""), json);
        assertTrue(json.contains("\"polls\":1"), json);
        assertFalse(json.contains("lease"), "leases are not written: " + json);
    }

    @Test
    void requestIdsDifferingOnlyInCaseGetDifferentFiles() {
        store.add(job("abc", 0));
        store.add(job("ABC", 0));

        JobStore reopened = restart(store);

        assertEquals(2, reopened.count());
        assertEquals("ABC", reopened.find("ABC").orElseThrow().requestId());
    }

    @Test
    void aVeryLongRequestIdIsStoredUnderItsHash() {
        String id = "x".repeat(199);
        store.add(job(id, 0));

        JobStore reopened = restart(store);

        assertEquals(id, reopened.find(id).orElseThrow().requestId());
        assertTrue(names(dir()).stream().anyMatch(n -> n.startsWith("~") && n.endsWith(".job.json")), names(dir())
                .toString());
    }

    @Test
    void unusableFilesAreReportedSetAsideAndDoNotHideTheOtherJobs() throws IOException {
        store.add(job("good-1", 0));
        store.add(job("good-2", 0));
        store.add(job("half", 0));
        store.add(job("wrong-type", 0));
        store.stop();
        Path half = dir().resolve("half.job.json");
        byte[] full = Files.readAllBytes(half);
        Files.write(half, Arrays.copyOf(full, full.length / 2));
        Files.write(dir().resolve("empty.job.json"), new byte[0]);
        Files.write(dir().resolve("garbage.job.json"), new byte[] { (byte) 0xff, 0x00, 0x13, '{', '"', 0x7f });
        Path wrongType = dir().resolve("wrong-type.job.json");
        Files.writeString(wrongType, Files.readString(wrongType).replace("\"polls\":0", "\"polls\":\"none\""));
        Files.writeString(dir().resolve("copied.job.json"), Files.readString(dir().resolve("good-1.job.json")));
        Path temp = dir().resolve(".good-2.job.json.17.tmp");
        Files.write(temp, Arrays.copyOf(Files.readAllBytes(dir().resolve("good-2.job.json")), 20));

        List<StoreProblem> heard = new ArrayList<>();
        List<String> log;
        FileJobStore reopened;
        try (LogCapture capture = new LogCapture()) {
            reopened = new FileJobStore(dir());
            reopened.setProblemListener(heard::add);
            reopened.start();
            track(reopened);
            log = capture.lines();
        }

        assertEquals(Set.of("good-1", "good-2"), Set.copyOf(ids(reopened.claimDue("a", T0, LEASE, 10))));
        assertEquals(6, heard.size(), heard.toString());
        assertEquals(heard, reopened.problems());
        for (String name : List.of("half", "empty", "garbage", "wrong-type", "copied")) {
            Path file = dir().resolve(name + ".job.json");
            StoreProblem problem = problemAbout(heard, file.toString());
            assertEquals("moved to " + name + ".job.json.corrupt", problem.action());
            assertFalse(Files.exists(file));
            assertTrue(Files.exists(dir().resolve(name + ".job.json.corrupt")));
            assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains(file.toString())), log.toString());
        }
        assertTrue(problemAbout(heard, "wrong-type").reason().contains("polls must be a whole number"),
                problemAbout(heard, "wrong-type").reason());
        assertEquals("wrong-type", problemAbout(heard, "wrong-type").requestId());
        assertTrue(problemAbout(heard, "copied").reason().contains("does not match its request id"));
        assertTrue(problemAbout(heard, "empty").reason().contains("empty"));
        StoreProblem leftover = problemAbout(heard, temp.toString());
        assertEquals("deleted", leftover.action());
        assertFalse(Files.exists(temp));

        // set aside once: the next start reports nothing new, and says how many *.corrupt files remain
        reopened.stop();
        FileJobStore again = new FileJobStore(dir());
        try (LogCapture capture = new LogCapture()) {
            again.start();
            track(again);
            assertEquals(List.of(), again.problems());
            assertEquals(1, capture.count("5 job records set aside earlier as *.corrupt remain in " + dir()));
        }
        assertEquals(2, again.count());
    }

    @Test
    void aDirectoryUnderARegularFileFailsStartNamingIt() throws IOException {
        // root ignores permissions: a path under a regular file cannot be created by anyone
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path impossible = file.resolve("jobs");
        FileJobStore store = new FileJobStore(impossible);

        JobStoreException e = assertThrows(JobStoreException.class, store::start);

        assertEquals(impossible, e.getPath());
        assertTrue(e.getMessage().contains(impossible.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be created"), e.getMessage());
        assertFalse(store.isStarted());
    }

    @Test
    void aRegularFileGivenAsTheDirectoryFailsStart() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");

        JobStoreException e = assertThrows(JobStoreException.class, () -> new FileJobStore(file).start());

        assertEquals(file, e.getPath());
        assertTrue(e.getMessage().contains(file + " cannot be created"), e.getMessage());
    }

    @Test
    void aDirectoryWhoseFilesCannotBeWrittenFailsStartNamingIt() throws IOException {
        Path dir = tmp.resolve("blocked");
        // a directory where the lock file should be: no one, root included, can open it as a file
        Files.createDirectories(dir.resolve(FileJobStore.LOCK_FILE));

        JobStoreException e = assertThrows(JobStoreException.class, () -> new FileJobStore(dir).start());

        assertEquals(dir, e.getPath());
        assertTrue(e.getMessage().contains(dir + " cannot be written"), e.getMessage());
    }

    @Test
    void aSecondStoreOnTheSameDirectoryFailsStartAndPointsToTheJdbcStore() {
        FileJobStore second = new FileJobStore(dir());

        JobStoreException e = assertThrows(JobStoreException.class, second::start);

        assertEquals(dir(), e.getPath());
        assertTrue(e.getMessage().contains(dir() + " is in use"), e.getMessage());
        assertTrue(e.getMessage().contains("pid") || e.getMessage().contains("process"), e.getMessage());
        assertTrue(e.getMessage().contains("JDBC job store"), e.getMessage());
        // the first store is unaffected, and the directory is free again once it stops
        store.add(job("req-1", 0));
        store.stop();
        second.start();
        track(second);
        assertEquals(1, second.count());
    }

    @Test
    void aWriteFailureLeavesNoTraceAndNamesTheFileAndRequestId() throws IOException {
        store.add(job("req-1", 0));
        // a directory in the way of the record's file makes its rename fail
        Files.createDirectories(dir().resolve("req-2.job.json"));

        JobStoreException e = assertThrows(JobStoreException.class, () -> store.add(job("req-2", 0)));

        assertEquals("req-2", e.getRequestId());
        assertTrue(e.getMessage().contains(dir().resolve("req-2.job.json").toString()), e.getMessage());
        assertTrue(store.find("req-2").isEmpty(), "a failed add is not visible");
        assertEquals(List.of("req-1"), ids(store.claimDue("a", T0, LEASE, 10)));
        assertTrue(names(dir()).stream().noneMatch(n -> n.endsWith(".tmp")), names(dir()).toString());
    }

    @Test
    void aTornLastLedgerLineIsCutOffAndTheRestStillCounts() throws IOException {
        store.recordSpend(new SpendEntry(T0, new BigDecimal("0.04"), "USD", "component"));
        store.recordSpend(new SpendEntry(T0, new BigDecimal("0.08"), "USD", "component"));
        store.stop();
        Path ledger = dir().resolve(FileJobStore.SPEND_LEDGER_FILE);
        List<String> lines = Files.readAllLines(ledger);
        // a hand-edited middle line, then an append cut short by a crash
        Files.writeString(ledger, lines.get(0) + "\n" + "{\"at\":\"yesterday\"}\n" + lines.get(1) + "\n"
                                  + lines.get(1).substring(0, 25));

        List<StoreProblem> heard = new ArrayList<>();
        FileJobStore reopened = new FileJobStore(dir());
        reopened.setProblemListener(heard::add);
        reopened.start();
        track(reopened);

        assertEquals(new BigDecimal("0.12"), reopened.spendSince(T0, "component", "USD"));
        assertEquals(2, heard.size(), heard.toString());
        assertTrue(heard.get(0).location().endsWith("spend-ledger.jsonl line 2"), heard.get(0).location());
        assertTrue(heard.get(1).reason().contains("torn last line"), heard.get(1).reason());
        // appending goes on after the last whole line
        reopened.recordSpend(new SpendEntry(T0, new BigDecimal("1"), "USD", "component"));
        reopened.stop();
        FileJobStore third = new FileJobStore(dir());
        third.start();
        track(third);
        assertEquals(new BigDecimal("1.12"), third.spendSince(T0, "component", "USD"));
        assertEquals(1, third.problems().size(), "only the hand-edited line remains to report");
        assertEquals(0, third.pruneSpendBefore(T0));
        third.stop();
        FileJobStore fourth = new FileJobStore(dir());
        fourth.start();
        track(fourth);
        assertEquals(List.of(), fourth.problems(), "a prune rewrote the ledger without the bad line");
        assertEquals(new BigDecimal("1.12"), fourth.spendSince(T0, "component", "USD"));
    }

    private static StoreProblem problemAbout(List<StoreProblem> problems, String fragment) {
        return problems.stream().filter(p -> p.location().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem about " + fragment + " in " + problems));
    }

    private static Set<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
