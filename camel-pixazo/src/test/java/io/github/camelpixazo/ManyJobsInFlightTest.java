package io.github.camelpixazo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 2,000 jobs in flight at once against a slow gateway must not need 2,000 threads: waiting is a scheduled poll and
 * HTTP is non-blocking. The route is an ordinary SEDA route with one consumer thread.
 */
class ManyJobsInFlightTest {

    private static final int JOBS = 2_000;
    /**
     * The worker pool's bound: finished jobs continue on at most this many threads, however many jobs finish at once
     * (more only while all are busy, so a loaded machine reaches it and an idle one does not).
     */
    private static final int WORKERS_MAX = 40;
    /**
     * Threads beyond the workers and those alive before the burst: the HTTP client's and the scheduler's, the JDK's
     * (common pool, cleaners), WireMock's Jetty (20 container threads at most). Far below one thread per job.
     */
    private static final int OTHER_THREADS = 40;

    @Test
    void twoThousandJobsWaitWithAHandfulOfThreads() throws Exception {
        try (GatewayStub gateway = new GatewayStub(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(true).disableRequestJournal().containerThreads(20))) {
            byte[] png = TestImages.png(8, 8);
            gateway.stubTemplatedJobs(GatewayStub.GENERATE_2, "PROCESSING", png);

            CamelContext context = new DefaultCamelContext();
            PixazoComponent pixazo = new PixazoComponent();
            pixazo.getConfiguration().setBaseUrl(gateway.baseUrl());
            pixazo.getConfiguration().setApiKey(GatewayStub.KEY);
            pixazo.getConfiguration().setPollInterval(1_000);
            pixazo.getConfiguration().setMaxPollInterval(2_000);
            pixazo.setWorkerPoolMaxSize(WORKERS_MAX);
            context.addComponent("pixazo", pixazo);
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> {
                        if (failed.incrementAndGet() <= 3) { // enough to diagnose a failing run
                            System.out.println("job failed: " + e.getProperty(Exchange.EXCEPTION_CAUGHT));
                        }
                    });
                    from("seda:prompts?size=" + JOBS + "&concurrentConsumers=1")
                            .to("pixazo:generate")
                            .process(e -> completed.incrementAndGet());
                }
            });
            context.start();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                for (int i = 0; i < JOBS; i++) {
                    template.sendBody("seda:prompts", "Prompt number " + i);
                }
                int[] peak = { 0 };
                @SuppressWarnings("unchecked")
                Map<String, Integer>[] atPeak = new Map[] { Map.of() };
                Runnable sample = () -> {
                    int now = threads.getThreadCount();
                    if (now > peak[0]) {
                        peak[0] = now;
                        atPeak[0] = threadsByKind();
                    }
                };
                Await.until(Duration.ofSeconds(90), () -> {
                    sample.run();
                    return pixazo.getJobsInFlight() == JOBS;
                }, "all " + JOBS + " jobs submitted and waiting");
                int inFlightThreads = threads.getThreadCount();
                Map<String, Integer> byKind = threadsByKind();

                gateway.stubTemplatedJobs(GatewayStub.GENERATE_2, "COMPLETED", png);
                Await.until(Duration.ofSeconds(90), () -> {
                    sample.run();
                    return completed.get() + failed.get() == JOBS;
                }, "all jobs finished");

                System.out.printf("%n| jobs in flight | threads before | threads with all in flight | peak threads |%n"
                                  + "|---|---|---|---|%n| %d | %d | %d | %d |%nthreads by kind while in flight: %s%n",
                        JOBS, before, inFlightThreads, peak[0], byKind);
                assertEquals(JOBS, completed.get(), "failures: " + failed.get());
                int budget = before + WORKERS_MAX + OTHER_THREADS;
                assertTrue(peak[0] <= budget, "peak of " + peak[0] + " live threads for " + JOBS + " jobs (budget "
                        + budget + "), at the peak: " + atPeak[0]);
            } finally {
                context.stop();
            }
        }
    }

    /** Live threads grouped by name without digits, to show where they are. */
    private static Map<String, Integer> threadsByKind() {
        Map<String, Integer> kinds = new TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> kinds.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum));
        return kinds;
    }
}
