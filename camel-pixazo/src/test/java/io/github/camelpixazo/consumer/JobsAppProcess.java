package io.github.camelpixazo.consumer;

import java.io.PrintStream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The application {@link KillTest} kills with {@code kill -9}: a {@link Collector} (submit route and pixazo:jobs route)
 * on a file store or a PostgreSQL store, which prints {@code STARTED} once its CamelContext runs, submits N prompts,
 * printing {@code SUBMITTED <id>} after each submit's
 * exchange completed (the job is then durable), and {@code EMITTED <id>} from inside its collecting route. Never ends
 * by itself.
 *
 * <p>Arguments: {@code file <directory> <gateway url> <n>} or {@code jdbc <jdbc url> <gateway url> <n>}.
 */
public final class JobsAppProcess {

    private JobsAppProcess() {
    }

    public static void main(String[] args) throws Exception {
        Object store;
        if (args[0].equals("file")) {
            store = args[1];
        } else {
            PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
            source.setUrl(args[1]);
            store = JdbcConnectionPool.create(source);
        }
        PrintStream out = System.out;
        Collector app = new Collector("killed", args[2], store, KillTest.CONSUMER, null);
        app.onReceived(id -> {
            synchronized (out) {
                out.println("EMITTED " + id);
                out.flush();
            }
        });
        synchronized (out) {
            out.println("STARTED");
            out.flush();
        }
        int n = Integer.parseInt(args[3]);
        for (int i = 0; i < n; i++) {
            String id = app.submit("prompt " + i);
            synchronized (out) {
                out.println("SUBMITTED " + id);
                out.flush();
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
