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
    /** Far below one thread per job; what the JVM, WireMock's Jetty and Camel need together is well under this. */
    private static final int THREAD_BUDGET = 150;

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
                Await.until(Duration.ofSeconds(90), () -> {
                    peak[0] = Math.max(peak[0], threads.getThreadCount());
                    return pixazo.getJobsInFlight() == JOBS;
                }, "all " + JOBS + " jobs submitted and waiting");
                int inFlightThreads = threads.getThreadCount();
                Map<String, Integer> byKind = threadsByKind();

                gateway.stubTemplatedJobs(GatewayStub.GENERATE_2, "COMPLETED", png);
                Await.until(Duration.ofSeconds(90), () -> {
                    peak[0] = Math.max(peak[0], threads.getThreadCount());
                    return completed.get() + failed.get() == JOBS;
                }, "all jobs finished");

                System.out.printf("%n| jobs in flight | threads before | threads with all in flight | peak threads |%n"
                                  + "|---|---|---|---|%n| %d | %d | %d | %d |%nthreads by kind while in flight: %s%n",
                        JOBS, before, inFlightThreads, peak[0], byKind);
                assertEquals(JOBS, completed.get(), "failures: " + failed.get());
                assertTrue(peak[0] < THREAD_BUDGET, "peak of " + peak[0] + " live threads for " + JOBS + " jobs: " + byKind);
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
