package io.github.camelpixazo.examples;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * An ActiveMQ Artemis broker inside the JVM for the JMS queue example: in-VM acceptor only (no network port),
 * persistence and security off, queues created on first use.
 */
final class EmbeddedArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    private EmbeddedArtemis(String url) {
        this.url = url;
    }

    /** Starts a broker keeping its (unused, persistence is off) data directories under {@code dataDir}. */
    static EmbeddedArtemis start(Path dataDir) throws Exception {
        // one in-VM server id per broker, so tests can start one after another in the same JVM
        int serverId = Math.abs((int) (System.nanoTime() % 100_000));
        EmbeddedArtemis artemis = new EmbeddedArtemis("vm://" + serverId);
        Configuration config = new ConfigurationImpl()
                .setName("pixazo-examples")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .addAcceptorConfiguration("in-vm", artemis.url)
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        config.setBrokerInstance(dataDir.toFile());
        artemis.broker.setConfiguration(config);
        artemis.broker.start();
        return artemis;
    }

    /**
     * A jakarta.jms connection factory to this broker, for the jms component. Spring's caching wrapper keeps one
     * connection for the producer, which otherwise opens and closes a connection per message sent.
     */
    ConnectionFactory connectionFactory() {
        return new CachingConnectionFactory(new ActiveMQConnectionFactory(url));
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
