package io.github.camelpixazo.examples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.github.camelpixazo.PixazoComponent;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one example in Camel Main until its input is processed: configures the pixazo component for the gateway,
 * loads the routes (Java {@link RoutesBuilder}s or route files by {@code camel.main.routes-include-pattern}), starts,
 * watches the jobs in flight and the live threads, waits until the example's route has finished every input and
 * nothing is in flight any more, stops, and returns the {@link Summary}.
 */
final class ExampleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleRunner.class);

    /** Starts the example's input once Camel runs (e.g. sends the burst); the route's exchanges are counted. */
    interface Kickoff {
        void start(CamelContext context) throws Exception;
    }

    /**
     * What the summary's "in flight" figure counts, sampled while the example runs.
     *
     * @param description what the peak is, after the number of jobs ("at once", "pending in the job store at once")
     * @param every       how often to sample it
     * @param count       the current number, read from the started pixazo component
     */
    record InFlight(String description, Duration every, InFlightCount count) {

        /** The jobs the component waits for (producers with waitForCompletion=true). */
        static final InFlight WAITED_FOR = new InFlight("at once", Duration.ofMillis(5), PixazoComponent::getJobsInFlight);

        /** The jobs submitted with waitForCompletion=false and not collected yet: the job store's records. */
        static final InFlight PENDING_IN_STORE = new InFlight("pending in the job store at once", Duration.ofMillis(20),
                pixazo -> Math.toIntExact(pixazo.jobStore().count()));
    }

    /** Reads an in-flight count from the component. */
    interface InFlightCount {
        int read(PixazoComponent pixazo) throws Exception;
    }

    private final String example;
    private final Gateway gateway;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<RoutesBuilder> routes = new ArrayList<>();
    private final List<Map.Entry<String, Object>> beans = new ArrayList<>();
    private String title;
    private String routeId;
    private String entryRouteId;
    private int inputs;
    private InFlight inFlight = InFlight.WAITED_FOR;
    private Kickoff kickoff = context -> {
    };
    private IntSupplier imageCounter = () -> 0;
    private String imagesLocation = "";
    private String failuresLocation;
    private Duration progressEvery;
    private Duration timeout;

    ExampleRunner(String example, Gateway gateway) {
        this.example = example;
        this.gateway = gateway;
        this.properties.putAll(gateway.componentProperties());
        this.properties.put("camel.main.name", "pixazo-" + example);
        this.timeout = gateway.isSandbox() ? Duration.ofMinutes(3) : Duration.ofMinutes(20);
        if (Observe.enabled()) {
            this.properties.putAll(Observe.properties());
        }
    }

    ExampleRunner title(String title) {
        this.title = title;
        return this;
    }

    /** The route whose exchanges are the example's inputs, and how many it gets. */
    ExampleRunner input(String routeId, int inputs) {
        this.routeId = routeId;
        this.inputs = inputs;
        return this;
    }

    /**
     * The route that takes the inputs in, when another route finishes them (submit now, collect later): an input that
     * fails there is finished there, and listed among the failures.
     */
    ExampleRunner enteringBy(String entryRouteId) {
        this.entryRouteId = entryRouteId;
        return this;
    }

    /** What the "in flight" figure counts; by default the jobs the component waits for. */
    ExampleRunner inFlight(InFlight inFlight) {
        this.inFlight = inFlight;
        return this;
    }

    ExampleRunner property(String name, Object value) {
        properties.put(name, String.valueOf(value));
        return this;
    }

    ExampleRunner routes(RoutesBuilder builder) {
        routes.add(builder);
        return this;
    }

    /** Route files, e.g. classpath:routes/folder.camel.yaml, loaded by Camel Main as any application would. */
    ExampleRunner routesIncludePattern(String pattern) {
        return property("camel.main.routes-include-pattern", pattern);
    }

    ExampleRunner bean(String name, Object bean) {
        beans.add(Map.entry(name, bean));
        return this;
    }

    ExampleRunner kickoff(Kickoff kickoff) {
        this.kickoff = kickoff;
        return this;
    }

    ExampleRunner images(IntSupplier counter, String location) {
        this.imageCounter = counter;
        this.imagesLocation = location;
        return this;
    }

    ExampleRunner failuresGoTo(String location) {
        this.failuresLocation = location;
        return this;
    }

    /** Log a progress line (done, in flight, threads) this often; off by default. */
    ExampleRunner progressEvery(Duration every) {
        this.progressEvery = every;
        return this;
    }

    ExampleRunner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    Summary run() throws Exception {
        RunStats stats = new RunStats(routeId, entryRouteId);
        Main main = new Main();
        properties.forEach(main::addInitialProperty);
        beans.forEach(bean -> main.bind(bean.getKey(), bean.getValue()));
        routes.forEach(builder -> main.configure().addRoutesBuilder(builder));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport support) {
                support.getCamelContext().getManagementStrategy().addEventNotifier(stats);
            }
        });

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicInteger peakInFlight = new AtomicInteger();
        AtomicInteger peakThreads = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "example-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        long finishedAt;
        int threadsBefore;
        boolean completed;
        try {
            main.start();
            CamelContext context = main.getCamelContext();
            PixazoComponent pixazo = context.getComponent("pixazo", PixazoComponent.class);
            threadsBefore = threads.getThreadCount() + 1; // + the sampler
            sampler.scheduleAtFixedRate(() -> peakInFlight.accumulateAndGet(inFlight(pixazo), Math::max),
                    0, inFlight.every().toMillis(), TimeUnit.MILLISECONDS);
            sampler.scheduleAtFixedRate(() -> peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max),
                    0, 5, TimeUnit.MILLISECONDS);
            if (progressEvery != null) {
                sampler.scheduleAtFixedRate(() -> LOG.info("{} of {} done, {} jobs in flight, {} live threads",
                        stats.finished(), inputs, inFlight(pixazo), threads.getThreadCount()),
                        progressEvery.toMillis(), progressEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
            kickoff.start(context);
            completed = awaitInputs(stats, context);
            finishedAt = System.nanoTime();
            if (!completed) {
                LOG.warn("Stopped before the end: {} of {} inputs finished, {} exchanges in flight (timeout {})",
                        stats.finished(), inputs, context.getInflightRepository().size(), timeout);
            }
            if (Observe.enabled()) {
                Observe.scrape(Path.of(System.getProperty("example.baseDir", "target/example"), "observe"));
            }
        } finally {
            sampler.shutdownNow();
            main.stop();
        }
        return new Summary(example, title, gateway.describe(), completed, inputs, stats.finished(), stats.pixazoCalls(),
                stats.rejectedBeforeSending(), imageCounter.getAsInt(), imagesLocation, stats.failures(),
                failuresLocation, Duration.ofNanos(finishedAt - started), peakInFlight.get(), inFlight.description(),
                threadsBefore,
                Math.max(peakThreads.get(), threadsBefore), stats.spend());
    }

    /** The sampled count; 0 while it cannot be read (a sampler that threw would stop sampling for good). */
    private int inFlight(PixazoComponent pixazo) {
        try {
            return inFlight.count().read(pixazo);
        } catch (Exception e) {
            return 0;
        }
    }

    /** Until the route has finished every input and nothing is in flight (the file moves are done by then). */
    private boolean awaitInputs(RunStats stats, CamelContext context) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (stats.finished() >= inputs && context.getInflightRepository().size() == 0) {
                return true;
            }
            if (context.isStopping() || context.isStopped()) { // Ctrl-C
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
