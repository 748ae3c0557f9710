package io.github.camelpixazo.producer;

import java.nio.file.Path;

import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.media.TempFiles;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The spool of one exchange: where its big bodies go (the endpoint's {@code spoolThreshold}, in Camel's stream-caching
 * spool directory or {@code java.io.tmpdir}) and the temporary files it made, deleted when the exchange completes
 * (its unit of work ends, successfully or not).
 */
public final class ExchangeSpool {

    /** Exchange property holding the spool while the exchange is in flight. */
    static final String PROPERTY = "CamelPixazoSpool";

    /** Used when no pixazo endpoint attached settings (a reader called on its own). */
    static final long DEFAULT_THRESHOLD = 1024 * 1024;

    private final SpoolSettings settings;
    private final TempFiles files;

    private ExchangeSpool(SpoolSettings settings, TempFiles files) {
        this.settings = settings;
        this.files = files;
    }

    /** The exchange's spool with the given settings; its temporary files are deleted when the exchange completes. */
    static ExchangeSpool attach(Exchange exchange, SpoolSettings settings) {
        ExchangeSpool existing = exchange.getProperty(PROPERTY, ExchangeSpool.class);
        // a copied exchange may carry the spool of one that has already completed: never register into that
        TempFiles files = existing != null && !existing.files.isClosed() ? existing.files : null;
        if (files == null) {
            files = new TempFiles();
            TempFiles toDelete = files;
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    toDelete.deleteAll();
                    done.removeProperty(PROPERTY);
                }

                @Override
                public String toString() {
                    return "OnCompletion[pixazo temporary files]";
                }
            });
        }
        ExchangeSpool spool = new ExchangeSpool(settings, files);
        exchange.setProperty(PROPERTY, spool);
        return spool;
    }

    /** The spool a pixazo endpoint attached to this exchange, or one with default settings. */
    static ExchangeSpool of(Exchange exchange) {
        ExchangeSpool existing = exchange.getProperty(PROPERTY, ExchangeSpool.class);
        return existing != null && !existing.files.isClosed() ? existing
                : attach(exchange, new SpoolSettings(DEFAULT_THRESHOLD, directory(exchange.getContext())));
    }

    /** Camel's stream-caching spool directory when one is configured, else {@code java.io.tmpdir}. */
    public static Path directory(CamelContext context) {
        java.io.File camel = context.getStreamCachingStrategy().getSpoolDirectory();
        return camel != null ? camel.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
    }

    SpoolSettings settings() {
        return settings;
    }

    TempFiles files() {
        return files;
    }

    /** Where images an answer carries inline are decoded to: this exchange's spool. */
    SpoolTarget target() {
        return new SpoolTarget(settings, files);
    }
}
