package io.github.camelpixazo.store;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The contract and the JDBC store's own tests on a real PostgreSQL 14 (embedded, no Docker), each test with tables of
 * its own in one database; two stores on two pools race for the same rows.
 */
class PostgresJobStoreTest extends JdbcJobStoreContractTest {

    private static String database;

    private static synchronized String database() {
        if (database == null) {
            database = EmbeddedPostgresServer.newDatabase();
        }
        return database;
    }

    @Override
    protected DataSource newDataSource() {
        return EmbeddedPostgresServer.pool(database(), 8);
    }

    @Override
    protected void close(DataSource dataSource) {
        ((JdbcConnectionPool) dataSource).dispose();
    }

    @Override
    protected String productName() {
        return "PostgreSQL";
    }
}
