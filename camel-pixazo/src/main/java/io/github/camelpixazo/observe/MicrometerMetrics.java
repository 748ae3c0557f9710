package io.github.camelpixazo.observe;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's meters in a Micrometer {@link MeterRegistry}, named by Micrometer's conventions (lower-case, dotted;
 * each registry renders them its own way, Prometheus as {@code pixazo_jobs_submitted_total}). The only class that
 * touches Micrometer: loaded only when Micrometer is on the classpath ({@link PixazoMetrics#find}).
 */
final class MicrometerMetrics implements PixazoMetrics {

    /** The name camel-micrometer (and camel-main's camel.metrics) binds its registry under. */
    static final String CAMEL_REGISTRY_NAME = "metricsRegistry";

    static final String SUBMITTED = "pixazo.jobs.submitted";
    static final String COMPLETED = "pixazo.jobs.completed";
    static final String FAILED = "pixazo.jobs.failed";
    static final String IN_FLIGHT = "pixazo.jobs.in.flight";
    static final String DURATION = "pixazo.job.duration";
    static final String POLLS = "pixazo.status.polls";
    static final String RETRIES = "pixazo.retries";
    static final String DOWNLOADS = "pixazo.downloads";
    static final String DOWNLOADED = "pixazo.downloaded";
    static final String SPEND = "pixazo.spend.estimated";
    static final String REFUSALS = "pixazo.budget.refusals";

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetrics.class);

    private final MeterRegistry registry;
    private final Map<List<String>, JobMeters> meters = new ConcurrentHashMap<>();

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The registry camel-micrometer uses ({@value #CAMEL_REGISTRY_NAME}), else the only {@link MeterRegistry} in the
     * Camel registry (Spring's, for instance), else the composite one among several; {@link PixazoMetrics#NONE} when
     * there is none.
     */
    static PixazoMetrics find(CamelContext context) {
        MeterRegistry found = context.getRegistry().lookupByNameAndType(CAMEL_REGISTRY_NAME, MeterRegistry.class);
        if (found == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            if (all.size() == 1) {
                found = all.iterator().next();
            } else if (all.size() > 1) {
                found = all.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
            }
        }
        if (found == null) {
            LOG.debug("No MeterRegistry in the Camel registry: the pixazo component records no metrics (add"
                      + " camel-micrometer, or set camel.metrics.enabled=true with camel-main)");
            return NONE;
        }
        LOG.debug("The pixazo component records its metrics in {}", found.getClass().getSimpleName());
        return new MicrometerMetrics(found);
    }

    /**
     * Tags take known values only: the pixazo:jobs consumer tags from job records, which a shared JDBC store or a
     * hand-edited file can fill with anything, and one meter set per distinct value would grow the registry (and a
     * Prometheus scrape) without bound ({@link TagValues}).
     */
    @Override
    public JobMeters meters(String gateway, String model, String operation) {
        String g = TagValues.gateway(gateway);
        String m = TagValues.model(model);
        String o = TagValues.operation(operation);
        return meters.computeIfAbsent(List.of(g, m, o),
                key -> new Meters(Tags.of("gateway", g, "model", m, "operation", o)));
    }

    private final class Meters implements JobMeters {
        private final Tags tags;
        private final Counter submitted;
        private final Counter completed;
        private final Timer duration;
        private final Counter polls;
        private final Counter retries;
        private final Counter downloads;
        private final Counter downloaded;
        private final Counter refusals;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Map<String, Counter> failed = new ConcurrentHashMap<>();
        private final Map<String, Counter> spend = new ConcurrentHashMap<>();

        Meters(Tags tags) {
            this.tags = tags;
            submitted = Counter.builder(SUBMITTED).description("Jobs the gateway accepted").tags(tags)
                    .register(registry);
            completed = Counter.builder(COMPLETED).description("Jobs that completed with their images").tags(tags)
                    .register(registry);
            duration = Timer.builder(DURATION).description("From the start of a job's submit to its result (images"
                                                           + " downloaded), for completed jobs").tags(tags)
                    .register(registry);
            polls = Counter.builder(POLLS).description("Status queries of jobs being waited for").tags(tags)
                    .register(registry);
            retries = Counter.builder(RETRIES).description("Submits, status queries and downloads asked again after a"
                                                           + " failure").tags(tags).register(registry);
            downloads = Counter.builder(DOWNLOADS).description("Images downloaded").tags(tags).register(registry);
            downloaded = Counter.builder(DOWNLOADED).description("Bytes of images downloaded").baseUnit("bytes")
                    .tags(tags).register(registry);
            refusals = Counter.builder(REFUSALS).description("Messages a budget refused before anything was sent")
                    .tags(tags).register(registry);
            Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get).description("Jobs submitted and not yet finished")
                    .tags(tags).register(registry);
        }

        @Override
        public void submitted() {
            submitted.increment();
        }

        @Override
        public void completed(Duration took) {
            completed.increment();
            duration.record(took);
        }

        @Override
        public void failed(String reason) {
            failed.computeIfAbsent(reason, r -> Counter.builder(FAILED).description("Jobs that failed, by reason")
                    .tags(tags).tag("reason", r).register(registry)).increment();
        }

        @Override
        public void inFlight(int delta) {
            inFlight.addAndGet(delta);
        }

        @Override
        public void polled() {
            polls.increment();
        }

        @Override
        public void retried() {
            retries.increment();
        }

        @Override
        public void downloaded(long bytes) {
            downloads.increment();
            downloaded.increment(bytes);
        }

        @Override
        public void spent(BigDecimal amount, String currency) {
            spend.computeIfAbsent(currency, c -> Counter.builder(SPEND).description("Estimated price of the jobs the"
                                                                                    + " gateway accepted")
                    .tags(tags).tag("currency", c).register(registry)).increment(amount.doubleValue());
        }

        @Override
        public void budgetRefused() {
            refusals.increment();
        }
    }
}
