package io.github.camelpixazo.store;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.BeforeEach;

/** The contract and the JDBC store's own tests on H2 (an in-memory database per test, shared by two pools). */
class H2JobStoreTest extends JdbcJobStoreContractTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private String url;

    @BeforeEach
    @Override
    void openFreshStore() {
        url = "jdbc:h2:mem:jobs" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        super.openFreshStore();
    }

    @Override
    protected DataSource newDataSource() {
        return JdbcConnectionPool.create(url, "sa", "");
    }

    @Override
    protected void close(DataSource dataSource) {
        ((JdbcConnectionPool) dataSource).dispose();
    }

    @Override
    protected String productName() {
        return "H2";
    }
}
