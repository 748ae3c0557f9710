package io.github.camelpixazo.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.store.EmbeddedPostgresServer;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.TestImages;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restart: an application submits N jobs and stops (a redeploy) before they complete; a new CamelContext on the same
 * store receives each result exactly once, and the gateway counted exactly N submits. On the file store and on a real
 * PostgreSQL.
 */
class RestartTest {

    private static final int N = 25;

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;
    /** How long the collectors may go without progress before the test calls them stuck (two shared cores). */
    private static final Duration STALL = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = { "file", "postgresql" })
    void everyJobSubmittedBeforeARestartIsDeliveredExactlyOnceAfterIt(String kind) throws Exception {
        JdbcConnectionPool pool = kind.equals("file") ? null
                : EmbeddedPostgresServer.pool(EmbeddedPostgresServer.newDatabase(), 4);
        Object store = pool != null ? pool : tmp.resolve("jobs").toString();
        byte[] png = TestImages.png(8, 8);
        gateway.stubTemplatedJobs(GENERATE_2, "PROCESSING", png);
        List<String> submitted = new ArrayList<>();
        List<String> before;
        try {
            try (Collector first = new Collector("before", gateway.baseUrl(), store, "delay=20&initialDelay=0", null)) {
                for (int i = 0; i < N; i++) {
                    submitted.add(first.submit("prompt " + i));
                }
                // the first instance polls them all at least once, then is redeployed
                Await.whileProgressing(STALL, () -> (int) Math.min(statusQueries(), N), N, "every job polled once");
                before = List.copyOf(first.received());
            }
            assertEquals(List.of(), before, "nothing was finished before the restart");
            gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", png); // the jobs finish while nobody runs
            try (Collector second = new Collector("after", gateway.baseUrl(), store, "delay=20&initialDelay=0", null)) {
                Await.whileProgressing(STALL, () -> second.received().size(), N, N + " results");
                Thread.sleep(300); // more polls: nothing more arrives
                List<String> after = List.copyOf(second.received());
                Set<String> distinct = new HashSet<>(after);
                assertEquals(N, after.size(), "each result exactly once: " + after);
                assertEquals(new HashSet<>(submitted), distinct);
                assertEquals(0, second.store().count(), "delivered jobs leave the store");
            }
            assertEquals(N, gateway.submits(GENERATE_2).size(), "exactly N submits, none repeated");
            System.out.printf("RestartTest (%s store): %d submitted, %d emitted after the restart, 0 lost, 0 duplicated,"
                              + " %d submits%n", kind, N, N, gateway.submits(GENERATE_2).size());
        } finally {
            if (pool != null) {
                pool.dispose();
            }
        }
        assertTrue(submitted.stream().allMatch(id -> id != null && id.startsWith("gpt-image-2_")));
    }

    @Test
    void aStopDuringADeliveryLetsItFinishAndTheJobIsNotDeliveredAgainAfterTheRestart() throws Exception {
        // Camel's graceful shutdown stops the consumer first, then waits for the exchanges in flight: the lease of a
        // job in flight must survive the consumer's stop, or its removal fails and the next start delivers it again
        String store = tmp.resolve("jobs").toString();
        gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", TestImages.png(8, 8));
        CountDownLatch inFlight = new CountDownLatch(1);
        String id;
        try (Collector first = new Collector("stopped", gateway.baseUrl(), store, "delay=20&initialDelay=0", null)) {
            first.onReceived(received -> {
                inFlight.countDown();
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            id = first.submit("slow to deliver");
            assertTrue(inFlight.await(120, TimeUnit.SECONDS), "the job reached the route");
            first.close(); // graceful: the delivery in flight completes
            assertEquals(List.of(id), first.received());
        }
        try (Collector second = new Collector("restarted", gateway.baseUrl(), store, "delay=20&initialDelay=0", null)) {
            assertEquals(0, second.store().count(), "the delivered job left the store");
            Thread.sleep(500); // polls: nothing arrives
            assertEquals(List.of(), second.received(), "delivered once, not again after the restart");
        }
    }

    private static long statusQueries() {
        return gateway.api().findAll(getRequestedFor(urlPathMatching(STATUS + ".*"))).size();
    }
}
