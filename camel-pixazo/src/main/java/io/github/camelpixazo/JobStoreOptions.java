package io.github.camelpixazo;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.store.FileJobStore;
import io.github.camelpixazo.store.JdbcJobStore;
import io.github.camelpixazo.store.JobStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the component options {@code jobStore}, {@code jobStoreDataSource} and {@code jobStoreDirectory} into the one
 * started {@link JobStore} of a component, in that order of precedence, and makes a store that cannot start fail
 * naming the option that configured it (the route then fails at start-up).
 */
final class JobStoreOptions {

    /**
     * The default directory of the file job store, resolved against the working directory as Camel's {@code file:}
     * endpoints resolve relative paths; {@code data/} as embedded ActiveMQ Artemis keeps its journal in
     * {@code data/journal} and Karaf its state in {@code data/}. Never java.io.tmpdir: jobs there are lost on a reboot.
     */
    static final String DEFAULT_DIRECTORY = "data/pixazo-jobs";

    private static final Logger LOG = LoggerFactory.getLogger(JobStoreOptions.class);

    private JobStoreOptions() {
    }

    /** Which option chose the store, for messages. */
    record Opened(JobStore store, String option, boolean owned) {
    }

    /**
     * Creates (unless given) and starts the store.
     *
     * @throws JobStoreException naming the option and its value when the store cannot start (directory not writable,
     *                           database down, ...)
     */
    static Opened open(JobStore bean, DataSource dataSource, String directory) {
        if (bean != null) {
            return start(bean, "jobStore", bean.toString(), false);
        }
        if (dataSource != null) {
            if (directory != null) {
                LOG.warn("The pixazo component uses the JDBC job store of jobStoreDataSource and ignores"
                         + " jobStoreDirectory={} (a single DataSource bean in the registry is picked up automatically;"
                         + " set autowiredEnabled=false on the component to keep the file store)", directory);
            }
            return start(new JdbcJobStore(dataSource), "jobStoreDataSource", dataSource.getClass().getName(), true);
        }
        String dir = directory != null && !directory.isBlank() ? directory.trim() : DEFAULT_DIRECTORY;
        return start(new FileJobStore(Path.of(dir)), "jobStoreDirectory", dir, true);
    }

    private static Opened start(JobStore store, String option, String value, boolean owned) {
        try {
            store.start(); // a no-op for a store already started (and perhaps shared) by its owner
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new JobStoreException("The pixazo job store configured by the component option " + option + "="
                                        + value + " cannot start: " + why, store.location(),
                    e instanceof JobStoreException j ? j.getPath() : null, null, e);
        }
        return new Opened(store, option, owned);
    }
}
