package io.github.camelpixazo.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The process {@link JobStoreCrashTest} kills with {@code kill -9}: adds records to a store in a loop, as fast as it
 * can, printing {@code ADDED <id>} (flushed) after each {@code add} returned, and every third record rewrites an
 * earlier one (claim and update) so that kills also land in the middle of replacements. Never ends by itself.
 *
 * <p>Arguments: {@code file <directory> <prefix>} or {@code jdbc <jdbc-url> <prefix>} (PostgreSQL).
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        String kind = args[0];
        String location = args[1];
        String prefix = args[2];
        JobStore store;
        if (kind.equals("file")) {
            store = new FileJobStore(Path.of(location));
        } else {
            PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
            source.setUrl(location);
            store = new JdbcJobStore(JdbcConnectionPool.create(source));
        }
        store.start();
        PrintStream out = System.out;
        out.println("STARTED");
        out.flush();
        // a few KB per record, so that writes take long enough to be cut
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("CamelFileName", "prompts/" + "p".repeat(3000) + ".txt");
        headers.put("count", 1);
        for (int i = 0; ; i++) {
            String id = prefix + "-" + i;
            store.add(Records.job(id, 0).toBuilder().carriedHeaders(headers).submittedAt(Instant.now()).build());
            out.println("ADDED " + id);
            out.flush();
            if (i % 3 == 2) {
                String earlier = prefix + "-" + (i - 1);
                store.claim(earlier, "writer-" + prefix, Instant.now(), Duration.ofMinutes(5)).ifPresent(r -> store
                        .update(r.withPollState(Instant.now(), Duration.ofSeconds(20), r.polls() + 1, "PROCESSING",
                                "x".repeat(1500)), "writer-" + prefix));
            }
        }
    }
}
