package io.github.camelpixazo.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * How many threads and how much heap jobs in flight cost, and how fast a burst is submitted and drained, against a
 * WireMock gateway in the same JVM (so throughput is bounded by WireMock on the same cores: read it as a floor).
 * Prints a Markdown table. Run:
 *
 * <pre>
 * mvn -q -pl camel-pixazo test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelpixazo.benchmark.JobsInFlightBenchmark
 * </pre>
 */
public final class JobsInFlightBenchmark {

    private JobsInFlightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] { 500, 1_000, 2_000, 5_000 };
        run(500, false); // warm-up: JIT, class loading
        System.out.printf("%n| jobs | submit burst (jobs/s) | live threads, all waiting | heap used, all waiting |"
                          + " end to end: submit, poll, download (jobs/s) | failures |%n|---:|---:|---:|---:|---:|---:|%n");
        long[] heap = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            heap[i] = run(sizes[i], true);
        }
        int last = sizes.length - 1;
        System.out.printf("%nMarginal heap per waiting job (%d to %d jobs): %.1f KB%n", sizes[0], sizes[last],
                (heap[last] - heap[0]) / 1024.0 / (sizes[last] - sizes[0]));
        System.out.printf("JVM: %s %s, %d cores, max heap %d MB; gateway: WireMock in the same JVM%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** @return heap used (after GC) while all jobs wait */
    private static long run(int jobs, boolean print) throws Exception {
        try (GatewayStub gateway = new GatewayStub(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(true).disableRequestJournal().containerThreads(20))) {
            byte[] png = TestImages.png(8, 8);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

            // 1. a burst that stays waiting (the gateway keeps every job PROCESSING)
            gateway.stubTemplatedJobs(GatewayStub.GENERATE_2, "PROCESSING", png);
            Counters waiting = new Counters();
            CamelContext first = context(gateway, jobs, "pixazo:generate?pollInterval=30s&maxPollInterval=60s", waiting);
            PixazoComponent pixazo = first.getComponent("pixazo", PixazoComponent.class);
            long start = System.nanoTime();
            send(first, jobs);
            Await.until(Duration.ofMinutes(5), () -> pixazo.getJobsInFlight() + waiting.failed.get() == jobs, "all waiting");
            double submitSeconds = (System.nanoTime() - start) / 1e9;
            int liveThreads = threads.getThreadCount();
            long heapWaiting = usedHeapAfterGc(memory);
            first.getShutdownStrategy().setTimeout(1); // the waiting jobs are abandoned, not measured
            first.stop();

            // 2. the whole path, submit to downloaded image, with fast polling
            gateway.stubTemplatedJobs(GatewayStub.GENERATE_2, "COMPLETED", png);
            Counters through = new Counters();
            CamelContext second = context(gateway, jobs, "pixazo:generate?pollInterval=50ms&maxPollInterval=50ms", through);
            long throughStart = System.nanoTime();
            send(second, jobs);
            Await.until(Duration.ofMinutes(5), () -> through.done.get() + through.failed.get() == jobs, "all done");
            double throughSeconds = (System.nanoTime() - throughStart) / 1e9;
            second.stop();

            if (print) {
                System.out.printf("| %d | %.0f | %d | %.0f MB | %.0f | %d |%n", jobs, jobs / submitSeconds, liveThreads,
                        heapWaiting / (1024.0 * 1024), jobs / throughSeconds, waiting.failed.get() + through.failed.get());
            }
            return heapWaiting;
        }
    }

    private static final class Counters {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
    }

    private static CamelContext context(GatewayStub gateway, int jobs, String uri, Counters counters) throws Exception {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(gateway.baseUrl());
        pixazo.getConfiguration().setApiKey(GatewayStub.KEY);
        context.addComponent("pixazo", pixazo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> counters.failed.incrementAndGet());
                from("seda:prompts?size=" + jobs + "&concurrentConsumers=1").to(uri)
                        .process(e -> counters.done.incrementAndGet());
            }
        });
        context.start();
        return context;
    }

    private static void send(CamelContext context, int jobs) {
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < jobs; i++) {
            template.sendBody("seda:prompts", "Prompt number " + i);
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
