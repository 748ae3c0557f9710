package io.github.camelpixazo.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.memory.ImageServer;
import io.github.camelpixazo.support.GatewayStub;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * How much heap writing images to files takes: {@code from(...).to("pixazo:generate").to("file:...")} with 1, 10 and
 * 100 jobs of a 3840x2160 image in flight at once, and one image of growing size, with the default spoolThreshold and
 * with every image kept in memory ({@code spoolThreshold=-1}, the behaviour before streaming). The gateway is WireMock
 * in the same JVM; the media host streams generated images without holding them ({@link ImageServer}), so the heap
 * measured is the component's and Camel's. Prints Markdown tables. Run:
 *
 * <pre>
 * mvn -q -pl camel-pixazo test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-Xmx2g -classpath %classpath io.github.camelpixazo.benchmark.ImageHeapBenchmark"
 * </pre>
 *
 * Two measures per run, both over the baseline (heap in use after GC, context started and warmed up): the peak of
 * the heap in use sampled every 2 ms (garbage not yet collected included: what a heap limit must allow), and the peak
 * of the heap still in use right after a collection (what the run really kept alive).
 */
public final class ImageHeapBenchmark {

    /** A 3840x2160 image as 24-bit RGB: the size of an uncompressed 4K PNG, an upper bound for the models' output. */
    static final long IMAGE_4K = 3840L * 2160 * 3;

    private ImageHeapBenchmark() {
    }

    private record Peaks(long sampled, long afterGc, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createTempDirectory("pixazo-heap-benchmark");
        try (GatewayStub gateway = new GatewayStub(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(true).disableRequestJournal().containerThreads(40));
             ImageServer media = new ImageServer()) {
            run(gateway, media, out, 1, IMAGE_4K, ""); // warm-up: JIT, class loading
            System.out.printf("%n| images of 3840x2160 (%.1f MB each) in flight | options | peak heap in use over"
                              + " baseline | peak heap live after GC over baseline | seconds |%n|---:|---|---:|---:|---:|%n",
                    IMAGE_4K / 1048576.0);
            for (int jobs : new int[] { 1, 10, 100 }) {
                row(jobs, IMAGE_4K, "default", run(gateway, media, out, jobs, IMAGE_4K, ""));
            }
            for (int jobs : new int[] { 1, 10 }) {
                row(jobs, IMAGE_4K, "spoolThreshold=-1", run(gateway, media, out, jobs, IMAGE_4K, "&spoolThreshold=-1"));
            }
            System.out.printf("%n| one image of | options | peak heap in use over baseline | peak heap live after GC"
                              + " over baseline | seconds |%n|---:|---|---:|---:|---:|%n");
            for (long megabytes : new long[] { 8, 32, 64, 128 }) {
                long size = megabytes * 1024 * 1024;
                sizeRow(size, "default", run(gateway, media, out, 1, size, ""));
                sizeRow(size, "spoolThreshold=-1", run(gateway, media, out, 1, size, "&spoolThreshold=-1"));
            }
        } finally {
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(out);
        }
        System.out.printf("%nJVM: %s %s, %d cores, max heap %d MB, GC %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    private static void row(int jobs, long size, String options, Peaks peaks) {
        System.out.printf("| %d | %s | %s | %s | %.1f |%n", jobs, options, mb(peaks.sampled), mb(peaks.afterGc),
                peaks.seconds);
    }

    private static void sizeRow(long size, String options, Peaks peaks) {
        System.out.printf("| %d MB | %s | %s | %s | %.1f |%n", size / (1024 * 1024), options, mb(peaks.sampled),
                mb(peaks.afterGc), peaks.seconds);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "no GC during the run" : String.format("%.0f MB", bytes / 1048576.0);
    }

    /** Runs {@code jobs} jobs at once, each writing one image of {@code size} bytes to a file (deleted once written). */
    private static Peaks run(GatewayStub gateway, ImageServer media, Path out, int jobs, long size, String options)
            throws Exception {
        gateway.reset();
        gateway.stub(post(urlPathEqualTo(GatewayStub.GENERATE_2)).willReturn(GatewayStub.json(202,
                GatewayStub.submitted("gpt-image-2_{{randomValue type='UUID'}}"))));
        gateway.stub(get(urlPathMatching(GatewayStub.STATUS + ".*")).willReturn(GatewayStub.json(200,
                "{\"request_id\":\"{{request.pathSegments.[3]}}\",\"status\":\"COMPLETED\",\"model_id\":\"gpt-image-2\","
                + "\"output\":{\"media_url\":[\"" + media.url(size) + "\"],\"media_type\":\"image/png\"}}")));
        CamelContext context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(gateway.baseUrl());
        pixazo.getConfiguration().setApiKey(GatewayStub.KEY);
        context.addComponent("pixazo", pixazo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:write").to("pixazo:generate?pollInterval=50ms" + options)
                        .to("file:" + out.toAbsolutePath())
                        .process(e -> Files.deleteIfExists(out.resolve(e.getMessage().getHeader(Exchange.FILE_NAME,
                                String.class))));
            }
        });
        context.start();
        try {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long baseline = usedAfterGc(memory);
            AtomicLong sampledPeak = new AtomicLong();
            AtomicLong afterGcPeak = new AtomicLong();
            Runnable stopGcWatch = watchCollections(afterGcPeak);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            ProducerTemplate template = context.createProducerTemplate();
            List<CompletableFuture<Exchange>> running = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                int n = i;
                running.add(template.asyncSend("direct:write", e -> e.getIn().setBody("Image " + n)));
            }
            int failed = 0;
            for (CompletableFuture<Exchange> job : running) {
                Exchange done = job.get(10, TimeUnit.MINUTES);
                if (done.getException() != null) {
                    failed++;
                    if (failed == 1) {
                        System.out.println("  a job failed: " + done.getException());
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            stopGcWatch.run();
            if (failed > 0) {
                System.out.printf("  (%d of %d jobs failed)%n", failed, jobs);
            }
            long afterGc = afterGcPeak.get() == 0 ? -1 : Math.max(0, afterGcPeak.get() - baseline);
            return new Peaks(Math.max(0, sampledPeak.get() - baseline), afterGc, seconds);
        } finally {
            context.stop();
        }
    }

    /** Records the heap in use right after each collection; returns what stops recording. */
    private static Runnable watchCollections(AtomicLong peak) {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .forEach(pool -> heapPools.add(pool.getName()));
        List<Runnable> stops = new ArrayList<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                javax.management.NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(pool.getKey())) {
                                used += pool.getValue().getUsed();
                            }
                        }
                        peak.accumulateAndGet(used, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                stops.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        return () -> stops.forEach(Runnable::run);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
