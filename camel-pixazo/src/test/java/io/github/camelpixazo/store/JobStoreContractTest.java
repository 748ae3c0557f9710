package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.error.JobStoreException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpixazo.store.Records.T0;
import static io.github.camelpixazo.store.Records.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link JobStore} contract, run against every store (memory, file, H2, PostgreSQL): add/find, idempotent and
 * conflicting adds, due order and {@code max}, lease exclusivity, expiry and take-over, update/renew/release/remove
 * only by the holder, spend sums, records surviving a restart, and two owners racing for the same due records.
 */
abstract class JobStoreContractTest {

    static final Duration LEASE = Duration.ofSeconds(30);

    protected JobStore store;
    private final List<JobStore> opened = new ArrayList<>();

    /** A started store on a fresh, empty location. */
    protected abstract JobStore openStore();

    /**
     * A second started handle on the same location, as another instance would use: the same object for single-process
     * stores, another JdbcJobStore on another DataSource for the JDBC store.
     */
    protected abstract JobStore secondHandle(JobStore first);

    /** Stops {@code store} and opens its location again, as after a restart. */
    protected abstract JobStore restart(JobStore store);

    /** Whether leases survive a restart (shared stores) or are freed by it (single-process stores). */
    protected abstract boolean leasesSurviveRestart();

    @BeforeEach
    void openFreshStore() {
        store = track(openStore());
    }

    @AfterEach
    void stopStores() {
        opened.forEach(JobStore::stop);
    }

    protected JobStore track(JobStore s) {
        opened.add(s);
        return s;
    }

    @Test
    void addThenFindGivesAnEqualRecordWithoutLease() {
        JobRecord record = job("req-1", 0).toBuilder()
                .webhookTokenHash(WebhookTokenHash.of("secret-1"))
                .leaseOwner("someone").leaseUntil(T0.plusSeconds(60))
                .build();

        assertTrue(store.add(record));

        JobRecord found = store.find("req-1").orElseThrow();
        assertEquals(record.withoutLease(), found);
        assertNull(found.leaseOwner());
        assertEquals(Map.of("CamelFileName", "prompts/req-1.txt", "batch", 7, "urgent", true),
                withoutNulls(found.carriedHeaders()));
        assertTrue(found.carriedHeaders().containsKey("priority"));
        assertEquals(new BigDecimal("0.08"), found.estimatedCost());
        assertEquals(Optional.empty(), store.find("req-2"));
    }

    @Test
    void headerValuesComeBackWithTheirNormalisedTypes() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("int", 5);
        headers.put("long", 5_000_000_000L);
        headers.put("short", (short) 3);
        headers.put("big", new BigInteger("123456789012345678901234567890"));
        headers.put("double", 1.25d);
        headers.put("decimal", new BigDecimal("1.50"));
        headers.put("text", "naïve ✓ \"quoted\" \n line");
        JobRecord record = job("req-types", 0).toBuilder().carriedHeaders(headers).build();
        store.add(record);

        Map<String, Object> back = restart(store).find("req-types").orElseThrow().carriedHeaders();

        assertEquals(5, back.get("int"));
        assertEquals(5_000_000_000L, back.get("long"));
        assertEquals(3, back.get("short"));
        assertEquals(new BigInteger("123456789012345678901234567890"), back.get("big"));
        assertEquals(new BigDecimal("1.25"), back.get("double"));
        assertEquals(new BigDecimal("1.50"), back.get("decimal"));
        assertEquals("naïve ✓ \"quoted\" \n line", back.get("text"));
        assertEquals(List.copyOf(headers.keySet()), List.copyOf(back.keySet()), "order kept");
    }

    @Test
    void addingTheSameSubmissionAgainIsHarmlessAndKeepsThePollingState() {
        JobRecord record = job("req-1", 0);
        store.add(record);
        JobRecord claimed = store.claimDue("a", T0, LEASE, 10).get(0);
        store.update(claimed.withPollState(T0.plusSeconds(20), Duration.ofSeconds(20), 1, "PROCESSING", null), "a");

        assertFalse(store.add(record), "a repeated add reports that nothing was added");

        JobRecord stored = store.find("req-1").orElseThrow();
        assertEquals(1, stored.polls());
        assertEquals("PROCESSING", stored.lastStatus());
    }

    @Test
    void addingADifferentRecordUnderATakenRequestIdFailsNamingIt() {
        store.add(job("req-1", 0));

        JobStoreException e = assertThrows(JobStoreException.class,
                () -> store.add(job("req-1", 0).toBuilder().model("gpt-image-1.5").build()));

        assertTrue(e.getMessage().contains("req-1"), e.getMessage());
        assertTrue(e.getMessage().contains(store.location()), e.getMessage());
        assertEquals("req-1", e.getRequestId());
        assertEquals("gpt-image-2", store.find("req-1").orElseThrow().model());
    }

    @Test
    void aWebhookTokenHashBelongsToOneJob() {
        String hash = WebhookTokenHash.of("token-a");
        store.add(job("req-1", 0).toBuilder().webhookTokenHash(hash).build());

        JobStoreException e = assertThrows(JobStoreException.class,
                () -> store.add(job("req-2", 0).toBuilder().webhookTokenHash(hash).build()));

        assertTrue(e.getMessage().contains("req-2"), e.getMessage());
        assertEquals("req-1", store.findByWebhookTokenHash(hash).orElseThrow().requestId());
        assertEquals(Optional.empty(), store.find("req-2"));
        assertEquals(Optional.empty(), store.findByWebhookTokenHash(WebhookTokenHash.of("token-b")));
    }

    @Test
    void claimDueLeasesOnlyDueRecordsInDueOrderUpToMax() {
        // added out of order; one due later than "now", one far later
        for (long due : new long[] { 4, 1, 3, 0, 2, 20 }) {
            store.add(job("req-" + due, due));
        }
        Instant now = T0.plusSeconds(4);

        List<JobRecord> first = store.claimDue("a", now, LEASE, 3);

        assertEquals(List.of("req-0", "req-1", "req-2"), ids(first));
        for (JobRecord r : first) {
            assertEquals("a", r.leaseOwner());
            assertEquals(now.plus(LEASE), r.leaseUntil());
            assertEquals("a", store.find(r.requestId()).orElseThrow().leaseOwner());
        }
        assertEquals(List.of("req-3", "req-4"), ids(store.claimDue("b", now, LEASE, 10)));
        assertEquals(List.of(), store.claimDue("c", now, LEASE, 10), "everything due is leased");
        assertEquals(List.of("req-20"), ids(store.claimDue("c", T0.plusSeconds(20), LEASE, 10)));
    }

    @Test
    void recordsWithTheSameDueTimeComeInRequestIdOrder() {
        for (String id : new String[] { "req-c", "req-a", "req-b" }) {
            store.add(job(id, 5));
        }
        assertEquals(List.of("req-a", "req-b", "req-c"), ids(store.claimDue("a", T0.plusSeconds(5), LEASE, 3)));
    }

    @Test
    void aLiveLeaseExcludesEveryoneItsHolderIncluded() {
        store.add(job("req-1", 0));
        JobRecord leased = store.claimDue("a", T0, LEASE, 1).get(0);

        assertEquals(List.of(), store.claimDue("b", T0.plusSeconds(1), LEASE, 1));
        assertEquals(Optional.empty(), store.claim("req-1", "b", T0.plusSeconds(1), LEASE));
        assertFalse(store.update(leased, "b"));
        assertFalse(store.renew("req-1", "b", T0, LEASE));
        assertFalse(store.release("req-1", "b"));
        assertFalse(store.remove("req-1", "b"));

        // the holder's records in flight do not come back to it either: it renews them instead
        assertEquals(List.of(), store.claimDue("a", T0.plusSeconds(5), LEASE, 1));
        assertEquals(Optional.empty(), store.claim("req-1", "a", T0.plusSeconds(5), LEASE));
        assertEquals(leased, store.find("req-1").orElseThrow());
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFormerHolderLosesIt() {
        store.add(job("req-1", 0));
        JobRecord leasedByA = store.claimDue("a", T0, Duration.ofSeconds(10), 1).get(0);

        assertEquals(List.of(), store.claimDue("b", T0.plusMillis(9_999), LEASE, 1), "not yet expired");
        // leaseUntil <= now: expired
        JobRecord leasedByB = store.claimDue("b", T0.plusSeconds(10), LEASE, 1).get(0);
        assertEquals("b", leasedByB.leaseOwner());

        assertFalse(store.update(leasedByA.withPollState(T0.plusSeconds(60), Duration.ofSeconds(20), 1, "PROCESSING",
                null), "a"), "a lost the lease");
        assertFalse(store.renew("req-1", "a", T0.plusSeconds(10), LEASE));
        assertFalse(store.remove("req-1", "a"));
        assertEquals(0, store.find("req-1").orElseThrow().polls(), "a's update wrote nothing");
        assertTrue(store.remove("req-1", "b"));
    }

    @Test
    void anExpiredLeaseThatNobodyTookIsStillHeld() {
        store.add(job("req-1", 0));
        JobRecord leased = store.claimDue("a", T0, Duration.ofSeconds(10), 1).get(0);

        assertTrue(store.update(leased.withPollState(T0.plusSeconds(60), Duration.ofSeconds(20), 1, "PROCESSING",
                null), "a"));
    }

    @Test
    void updateWritesOnlyThePollingStateAndReleasesTheLease() {
        store.add(job("req-1", 0));
        JobRecord leased = store.claimDue("a", T0, LEASE, 1).get(0);
        JobRecord changed = leased.toBuilder().model("something-else")
                .nextPollAt(T0.plusSeconds(20)).pollInterval(Duration.ofSeconds(15)).polls(1)
                .lastStatus("PROCESSING").lastError("HTTP 503 from status").build();

        assertTrue(store.update(changed, "a"));

        JobRecord stored = store.find("req-1").orElseThrow();
        assertEquals("gpt-image-2", stored.model(), "submission fields are not written by update");
        assertEquals(T0.plusSeconds(20), stored.nextPollAt());
        assertEquals(Duration.ofSeconds(15), stored.pollInterval());
        assertEquals(1, stored.polls());
        assertEquals("PROCESSING", stored.lastStatus());
        assertEquals("HTTP 503 from status", stored.lastError());
        assertNull(stored.leaseOwner());
        assertEquals(List.of(), store.claimDue("b", T0.plusSeconds(19), LEASE, 1), "due again only at its new time");
        assertEquals(List.of("req-1"), ids(store.claimDue("b", T0.plusSeconds(20), LEASE, 1)));
    }

    @Test
    void updateKeepingLeaseHoldsItUntilTheGivenTime() {
        store.add(job("req-1", 0));
        JobRecord leased = store.claimDue("a", T0, LEASE, 1).get(0);

        assertTrue(store.updateKeepingLease(leased.withPollState(T0, Duration.ofSeconds(10), 3, "COMPLETED", null),
                "a", T0.plusSeconds(120)));

        JobRecord stored = store.find("req-1").orElseThrow();
        assertEquals("COMPLETED", stored.lastStatus());
        assertEquals("a", stored.leaseOwner());
        assertEquals(T0.plusSeconds(120), stored.leaseUntil());
        assertEquals(List.of(), store.claimDue("b", T0.plusSeconds(119), LEASE, 1));
        assertEquals(List.of("req-1"), ids(store.claimDue("b", T0.plusSeconds(120), LEASE, 1)));
    }

    @Test
    void renewExtendsTheHoldersLease() {
        store.add(job("req-1", 0));
        store.claimDue("a", T0, Duration.ofSeconds(10), 1);

        assertTrue(store.renew("req-1", "a", T0.plusSeconds(5), Duration.ofSeconds(10)));

        assertEquals(T0.plusSeconds(15), store.find("req-1").orElseThrow().leaseUntil());
        assertEquals(List.of(), store.claimDue("b", T0.plusSeconds(12), LEASE, 1));
        assertEquals(List.of("req-1"), ids(store.claimDue("b", T0.plusSeconds(15), LEASE, 1)));
        assertFalse(store.renew("req-unknown", "a", T0, LEASE));
    }

    @Test
    void releaseLetsAnyoneClaimAtOnce() {
        store.add(job("req-1", 0));
        store.claimDue("a", T0, LEASE, 1);

        assertTrue(store.release("req-1", "a"));

        assertNull(store.find("req-1").orElseThrow().leaseOwner());
        assertEquals(List.of("req-1"), ids(store.claimDue("b", T0.plusSeconds(1), LEASE, 1)));
    }

    @Test
    void releaseAllFreesOneOwnersLeases() {
        for (int i = 0; i < 5; i++) {
            store.add(job("req-" + i, 0));
        }
        store.claimDue("a", T0, LEASE, 3);
        store.claimDue("b", T0, LEASE, 2);

        assertEquals(3, store.releaseAll("a"));

        assertEquals(List.of("req-0", "req-1", "req-2"), ids(store.claimDue("c", T0, LEASE, 10)));
        assertEquals(0, store.releaseAll("a"));
    }

    @Test
    void claimLeasesOneRecordWhateverItsDueTime() {
        store.add(job("req-1", 3600));

        JobRecord leased = store.claim("req-1", "hook", T0, LEASE).orElseThrow();

        assertEquals("hook", leased.leaseOwner());
        assertEquals(T0.plus(LEASE), leased.leaseUntil());
        assertEquals(Optional.empty(), store.claim("req-1", "poller", T0.plusSeconds(1), LEASE));
        assertEquals(Optional.empty(), store.claim("req-unknown", "hook", T0, LEASE));
        assertTrue(store.claim("req-1", "poller", T0.plus(LEASE), LEASE).isPresent(), "expired: taken over");
    }

    @Test
    void removeDeletesOnlyForTheHolder() {
        String hash = WebhookTokenHash.of("t1");
        store.add(job("req-1", 0).toBuilder().webhookTokenHash(hash).build());
        store.add(job("req-2", 0));

        assertFalse(store.remove("req-1", "a"), "nobody holds it");
        store.claim("req-1", "a", T0, LEASE);
        assertTrue(store.remove("req-1", "a"));

        assertEquals(Optional.empty(), store.find("req-1"));
        assertEquals(Optional.empty(), store.findByWebhookTokenHash(hash));
        assertEquals(1, store.count());
        assertFalse(store.remove("req-1", "a"), "already gone");
        assertEquals(List.of("req-2"), ids(store.claimDue("a", T0, LEASE, 10)));
        // the id can be used again after removal
        assertTrue(store.add(job("req-1", 0).toBuilder().webhookTokenHash(hash).build()));
    }

    @Test
    void countOldestAndListForHealthChecks() {
        assertEquals(0, store.count());
        assertEquals(Optional.empty(), store.oldestSubmittedAt());
        assertEquals(List.of(), store.list(10));

        store.add(job("req-b", 0).toBuilder().submittedAt(T0.plusSeconds(2)).build());
        store.add(job("req-c", 0).toBuilder().submittedAt(T0.plusSeconds(1)).build());
        store.add(job("req-a", 0).toBuilder().submittedAt(T0.plusSeconds(1)).build());

        assertEquals(3, store.count());
        assertEquals(Optional.of(T0.plusSeconds(1)), store.oldestSubmittedAt());
        assertEquals(List.of("req-a", "req-c", "req-b"), ids(store.list(10)));
        assertEquals(List.of("req-a", "req-c"), ids(store.list(2)));
    }

    @Test
    void spendIsSummedPerScopeAndCurrencySinceAnInstant() {
        store.recordSpend(new SpendEntry(T0, new BigDecimal("0.04"), "USD", "component"));
        store.recordSpend(new SpendEntry(T0.plusSeconds(60), new BigDecimal("0.08"), "USD", "component"));
        store.recordSpend(new SpendEntry(T0.plusSeconds(60), new BigDecimal("0.08"), "USD", "component"));
        store.recordSpend(new SpendEntry(T0.plusSeconds(120), new BigDecimal("2.5"), "credits", "component"));
        store.recordSpend(new SpendEntry(T0.plusSeconds(120), new BigDecimal("1"), "USD", "endpoint-1"));
        store.recordSpend(new SpendEntry(T0.plusSeconds(180), new BigDecimal("-0.04"), "USD", "component"));

        assertEquals(new BigDecimal("0.16"), store.spendSince(T0, "component", "USD"));
        assertEquals(new BigDecimal("0.12"), store.spendSince(T0.plusSeconds(60), "component", "USD"), "inclusive");
        assertEquals(new BigDecimal("-0.04"), store.spendSince(T0.plusSeconds(61), "component", "USD"));
        assertEquals(new BigDecimal("2.5"), store.spendSince(T0, "component", "credits"));
        assertEquals(new BigDecimal("1"), store.spendSince(T0, "endpoint-1", "USD"));
        assertEquals(BigDecimal.ZERO, store.spendSince(T0, "nobody", "USD"));

        assertEquals(1, store.pruneSpendBefore(T0.plusSeconds(60)));
        assertEquals(new BigDecimal("0.12"), store.spendSince(Instant.EPOCH, "component", "USD"));
    }

    /** A spend cap's check and reservation in one step: appended only within the limit, refusals say the spend. */
    @Test
    void recordSpendWithinAppendsOnlyWithinTheLimit() {
        BigDecimal limit = new BigDecimal("1.0");
        SpendEntry fourTenths = new SpendEntry(T0.plusSeconds(10), new BigDecimal("0.4"), "USD", "component");

        assertEquals(Optional.empty(), store.recordSpendWithin(fourTenths, T0, limit));
        assertEquals(Optional.empty(), store.recordSpendWithin(fourTenths, T0, limit));
        assertEquals(Optional.of(new BigDecimal("0.8")), store.recordSpendWithin(fourTenths, T0, limit),
                "0.8 + 0.4 is over 1.0: refused, saying what was spent");
        assertEquals(new BigDecimal("0.8"), store.spendSince(T0, "component", "USD"), "the refused one was not appended");
        assertEquals(Optional.empty(), store.recordSpendWithin(new SpendEntry(T0.plusSeconds(10),
                new BigDecimal("0.2"), "USD", "component"), T0, limit), "exactly the limit is within it");
        assertEquals(Optional.empty(), store.recordSpendWithin(fourTenths, T0.plusSeconds(11), limit),
                "what is before the window does not count");

        assertEquals(0, store.pruneSpendBefore(T0), "nothing older than T0; a scope's lock row is never pruned");
        store.recordSpend(new SpendEntry(T0.plusSeconds(10), new BigDecimal("-0.4"), "USD", "component"));
        assertEquals(Optional.empty(), store.recordSpendWithin(fourTenths, T0, new BigDecimal("1.4")));
        assertEquals(new BigDecimal("1.4"), store.spendSince(T0, "component", "USD"));
        assertEquals(BigDecimal.ZERO, store.spendSince(T0, "component", ""), "no lock row is ever summed");
    }

    /**
     * Sixteen threads over two handles (two instances for a shared store) race for five reservations' room: exactly
     * five are appended. For the JDBC store this is the cap across JVMs.
     */
    @Test
    void twoHandlesRacingForTheLastRoomNeverBothGetIt() throws Exception {
        JobStore other = secondHandle(store);
        BigDecimal limit = new BigDecimal("0.5");
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                JobStore handle = i % 2 == 0 ? store : other;
                results.add(threads.submit(() -> {
                    start.await();
                    return handle.recordSpendWithin(new SpendEntry(T0, new BigDecimal("0.1"), "USD", "shared"), T0,
                            limit).isEmpty();
                }));
            }
            start.countDown();
            int appended = 0;
            for (Future<Boolean> result : results) {
                appended += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(5, appended);
            assertEquals(limit, store.spendSince(T0, "shared", "USD"));
            assertEquals(limit, other.spendSince(T0, "shared", "USD"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void spendIsKeptToTenDecimalsRoundedUp() {
        store.recordSpend(new SpendEntry(T0, new BigDecimal("0.00000000001"), "USD", "component"));
        store.recordSpend(new SpendEntry(T0, new BigDecimal("1.100"), "USD", "component"));

        assertEquals(new BigDecimal("1.1000000001"), store.spendSince(T0, "component", "USD"));
    }

    @Test
    void recordsAndSpendSurviveARestartAndRemovedJobsStayRemoved() {
        store.add(job("req-1", 0));
        store.add(job("req-2", 5));
        store.add(job("req-3", 0));
        JobRecord leased = store.claim("req-1", "a", T0, LEASE).orElseThrow();
        store.update(leased.withPollState(T0.plusSeconds(30), Duration.ofSeconds(20), 2, "PROCESSING", "slow"), "a");
        store.claim("req-3", "a", T0, LEASE);
        store.remove("req-3", "a");
        store.claim("req-2", "a", T0, LEASE);
        store.recordSpend(new SpendEntry(T0, new BigDecimal("0.08"), "USD", "component"));

        JobStore reopened = restart(store);

        assertEquals(2, reopened.count());
        assertEquals(Optional.empty(), reopened.find("req-3"));
        JobRecord one = reopened.find("req-1").orElseThrow();
        assertEquals(2, one.polls());
        assertEquals("slow", one.lastError());
        assertEquals(T0.plusSeconds(30), one.nextPollAt());
        assertEquals(job("req-2", 5), reopened.find("req-2").orElseThrow().withoutLease());
        assertEquals(leasesSurviveRestart() ? "a" : null, reopened.find("req-2").orElseThrow().leaseOwner());
        assertEquals(new BigDecimal("0.08"), reopened.spendSince(T0, "component", "USD"));
    }

    @Test
    void twoOwnersRacingForTheSameDueRecordsNeverShareOne() throws Exception {
        int jobs = 400;
        for (int i = 0; i < jobs; i++) {
            store.add(job(String.format("req-%04d", i), i % 17));
        }
        JobStore other = secondHandle(store);
        Map<String, String> holder = new ConcurrentHashMap<>();
        Set<String> doubles = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> owners = new ArrayList<>();
            String[] names = { "a", "b", "c", "d" };
            for (int w = 0; w < names.length; w++) {
                JobStore handle = w % 2 == 0 ? store : other;
                String owner = names[w];
                owners.add(pool.submit(() -> {
                    start.await();
                    int claimed = 0;
                    Instant now = T0.plusSeconds(20);
                    for (int rounds = 0; rounds < 1000; rounds++) {
                        List<JobRecord> batch = handle.claimDue(owner, now, Duration.ofHours(1), 7);
                        if (batch.isEmpty()) {
                            break;
                        }
                        for (JobRecord r : batch) {
                            if (holder.putIfAbsent(r.requestId(), owner) != null) {
                                doubles.add(r.requestId());
                            }
                        }
                        claimed += batch.size();
                    }
                    return claimed;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> owner : owners) {
                total += owner.get(2, TimeUnit.MINUTES);
            }
            assertEquals(Set.of(), doubles, "records leased to two owners");
            assertEquals(jobs, holder.size(), "every record leased once");
            assertEquals(jobs, total);
            for (Map.Entry<String, String> e : holder.entrySet()) {
                assertEquals(e.getValue(), store.find(e.getKey()).orElseThrow().leaseOwner());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoOwnersClaimingAndRemovingDeliverEachRecordOnce() throws Exception {
        int jobs = 300;
        for (int i = 0; i < jobs; i++) {
            store.add(job(String.format("req-%04d", i), 0));
        }
        JobStore other = secondHandle(store);
        Set<String> removed = ConcurrentHashMap.newKeySet();
        Set<String> doubles = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> owners = new ArrayList<>();
            for (String owner : List.of("a", "b")) {
                JobStore handle = owner.equals("a") ? store : other;
                owners.add(pool.submit(() -> {
                    start.await();
                    // a short lease that keeps expiring: take-overs race with removals
                    Instant now = T0;
                    for (int round = 0; round < 5000; round++) {
                        now = now.plusMillis(3);
                        List<JobRecord> batch = handle.claimDue(owner, now, Duration.ofMillis(5), 5);
                        if (batch.isEmpty() && handle.count() == 0) {
                            break;
                        }
                        for (JobRecord r : batch) {
                            if (handle.remove(r.requestId(), owner) && !removed.add(r.requestId())) {
                                doubles.add(r.requestId());
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> owner : owners) {
                owner.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of(), doubles, "removed twice");
        assertEquals(jobs, removed.size());
        assertEquals(0, store.count());
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> store.claimDue("a", T0, LEASE, 0));
        assertThrows(IllegalArgumentException.class, () -> store.claimDue(" ", T0, LEASE, 1));
        assertThrows(IllegalArgumentException.class, () -> store.claimDue("a", T0, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> store.list(0));
    }

    @Test
    void aStoppedStoreRefusesWork() {
        store.stop();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.add(job("req-1", 0)));
        assertTrue(e.getMessage().contains("not started"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, store::count));
    }

    // ---- helpers

    /** For subclasses' {@link #restart}: stops the reopened store after the test. */
    protected JobStore reopened(JobStore s) {
        return track(s);
    }

    static List<String> ids(List<JobRecord> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(r -> ids.add(r.requestId()));
        return ids;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
