package io.github.camelpixazo.observe;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's metrics: Micrometer meters when Micrometer is on the classpath and a {@code MeterRegistry} is in the
 * Camel registry (camel-micrometer's {@code metricsRegistry}, the one camel-main's {@code camel.metrics.enabled}
 * creates, or a Spring Boot application's), else nothing. Micrometer is an optional dependency: without it no
 * Micrometer class is ever loaded.
 */
public interface PixazoMetrics {

    /** Records nothing. */
    PixazoMetrics NONE = (gateway, model, operation) -> JobMeters.NONE;

    /** The meters tagged with this gateway, model and operation. */
    JobMeters meters(String gateway, String model, String operation);

    /**
     * Micrometer meters in the context's {@code MeterRegistry}, or {@link #NONE} when Micrometer or a registry is
     * missing.
     */
    static PixazoMetrics find(CamelContext context) {
        Logger log = LoggerFactory.getLogger(PixazoMetrics.class);
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, PixazoMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            log.debug("Micrometer is not on the classpath: the pixazo component records no metrics");
            return NONE;
        }
        return MicrometerMetrics.find(context);
    }
}
