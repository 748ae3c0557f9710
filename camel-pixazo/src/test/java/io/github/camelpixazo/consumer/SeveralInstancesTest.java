package io.github.camelpixazo.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelpixazo.store.EmbeddedPostgresServer;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances on one PostgreSQL job store, without a leader: each job is emitted once between them; one
 * instance stopped mid-way, the other finishes its jobs. And the leader-only set-up with Camel's cluster service
 * ({@code master:} over camel-file's {@code FileLockClusterService}), for users who prefer one active consumer.
 */
class SeveralInstancesTest {

    private static final int N = 60;

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;
    /** How long the instances may go without progress before the test calls them stuck (two shared cores). */
    private static final Duration STALL = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    @Test
    void twoContextsOnOnePostgresStoreEmitEveryJobOnceAndOneFinishesWhenTheOtherStops() throws Exception {
        JdbcConnectionPool pool = EmbeddedPostgresServer.pool(EmbeddedPostgresServer.newDatabase(), 8);
        byte[] png = TestImages.png(8, 8);
        gateway.stubTemplatedJobs(GENERATE_2, "PROCESSING", png);
        String consumer = "delay=20&initialDelay=0&maxMessagesPerPoll=4";
        List<String> submitted = new ArrayList<>();
        try (Collector a = new Collector("a", gateway.baseUrl(), pool, consumer, null);
             Collector b = new Collector("b", gateway.baseUrl(), pool, consumer, null)) {
            for (int i = 0; i < N; i++) {
                submitted.add(a.submit("prompt " + i));
            }
            gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", png);
            // each status answer takes a little while, so that both instances have work in flight
            gateway.stub(get(urlPathMatching(STATUS + ".*")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(15)
                    .withBody("{\"request_id\":\"{{request.pathSegments.[3]}}\",\"status\":\"COMPLETED\","
                              + "\"model_id\":\"gpt-image-2\",\"error\":null,\"output\":{\"media_url\":[\""
                              + gateway.mediaUrl("/v1/{{request.pathSegments.[3]}}/output.png")
                              + "\"],\"media_type\":\"image/png\"}}")));
            Await.whileProgressing(STALL, () -> Math.min(a.received().size(), 5) + Math.min(b.received().size(), 5),
                    10,
                    "both instances at work");
            a.close(); // mid-way: its exchanges in flight finish, its other leases are released
            List<String> byA = List.copyOf(a.received());
            Await.whileProgressing(STALL, () -> byA.size() + b.received().size(), N, "all jobs emitted");
            Thread.sleep(300);
            List<String> all = new ArrayList<>(byA);
            all.addAll(b.received());
            Set<String> distinct = new HashSet<>(all);
            assertEquals(new HashSet<>(submitted), distinct, "no job lost");
            assertEquals(N, all.size(), "no job emitted twice");
            assertTrue(b.received().size() > 0 && byA.size() > 0, "both shared the work: " + byA.size() + " / "
                                                                  + b.received().size());
            // removed once each exchange completed, off the poll thread: wait for it, not a fixed time
            JobStore store = b.store();
            Await.until(STALL, () -> store.count() == 0, "the delivered jobs removed from the store");
            System.out.printf("SeveralInstancesTest: %d jobs, instance a emitted %d (stopped mid-way), b %d,"
                              + " duplicates 0%n", N, byA.size(), b.received().size());
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aLeaseIsRenewedWhileTheJobsExchangeIsInFlightSoNoOtherInstanceTakesIt() throws Exception {
        // two instances share one store; the first one's route takes 3 leases' time over the job
        io.github.camelpixazo.store.MemoryJobStore shared = new io.github.camelpixazo.store.MemoryJobStore();
        gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", TestImages.png(8, 8));
        // a 2 s lease renewed every 667 ms survives a 1.3 s scheduling stall (a 1 s lease failed under a parallel build)
        String consumer = "delay=20&initialDelay=0&leaseDuration=2s";
        java.util.concurrent.CountDownLatch inFlight = new java.util.concurrent.CountDownLatch(1);
        try (Collector slow = new Collector("slow", gateway.baseUrl(), shared, consumer, null);
             Collector other = new Collector("other", gateway.baseUrl(), shared, null, null)) {
            slow.onReceived(id -> {
                inFlight.countDown();
                try {
                    Thread.sleep(6_000); // the exchange outlives its 2 s lease three times over
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String id = slow.submit("slow to deliver");
            assertTrue(inFlight.await(120, java.util.concurrent.TimeUnit.SECONDS), "the job reached the slow route");
            other.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("pixazo:jobs?" + consumer).process(e -> other.received().add(e.getMessage()
                            .getHeader("CamelPixazoRequestId", String.class)));
                }
            });
            Await.until(Duration.ofSeconds(120), () -> shared.count() == 0, "the slow delivery completed");
            Thread.sleep(300);
            assertEquals(List.of(id), slow.received());
            assertEquals(List.of(), other.received(), "the renewed lease kept the other instance off the job");
        }
    }

    @Test
    void withALeaderOnlyTheLeaderCollectsAndTheOtherTakesOverWhenItStops() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:leader;DB_CLOSE_DELAY=-1", "sa", "");
        byte[] png = TestImages.png(8, 8);
        gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", png);
        Collector one = leaderOnly("one", pool);
        Collector two = leaderOnly("two", pool);
        try {
            List<String> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(one.submit("prompt " + i));
            }
            Await.whileProgressing(STALL, () -> received(one, two), 10, "the first jobs");
            Thread.sleep(200);
            // whichever instance won the lock collected every job; the other's consumer never ran
            Collector leader = one.received().isEmpty() ? two : one;
            Collector follower = leader == one ? two : one;
            assertEquals(new HashSet<>(first), new HashSet<>(leader.received()), "the leader collected all");
            assertEquals(List.of(), follower.received(), "the follower's consumer never ran");

            leader.close();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                second.add(follower.submit("later " + i));
            }
            Await.whileProgressing(STALL, () -> follower.received().size(), 10, "the new leader collects");
            assertEquals(new HashSet<>(second), new HashSet<>(follower.received()));
        } finally {
            one.close();
            two.close();
            pool.dispose();
        }
    }

    private Collector leaderOnly(String name, JdbcConnectionPool pool) throws Exception {
        Collector collector = new Collector(name, gateway.baseUrl(), pool, null, null);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(tmp.resolve("cluster").toString());
        cluster.setAcquireLockDelay(Duration.ofMillis(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(Duration.ofMillis(100).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        collector.context().addService(cluster);
        collector.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::leader[]
                // a CamelClusterService in the context, e.g. camel-file's FileLockClusterService on a shared directory;
                // only the leader of the namespace "pixazo-jobs" runs this consumer
                from("master:pixazo-jobs:pixazo:jobs?delay=20&initialDelay=0").routeId("collect-leader")
                        .process(e -> collector.received().add(e.getMessage().getHeader("CamelPixazoRequestId",
                                String.class)));
                // end::leader[]
            }
        });
        return collector;
    }

    private static int received(Collector... collectors) {
        int total = 0;
        for (Collector collector : collectors) {
            total += collector.received().size();
        }
        return total;
    }
}
