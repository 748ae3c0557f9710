package io.github.camelpixazo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelpixazo.job.JobClient;

/**
 * The {@link JobClient}s of a component's started endpoints, by gateway id and base URL: how the {@code pixazo:jobs}
 * consumer reaches the gateway a stored job was submitted to, with the key configured for it. A job record keeps the
 * gateway and base URL but never the key; the endpoint that submitted the job registered its client here when it
 * started (and registers it again when the application restarts with the same routes).
 * <p>
 * A key is only ever paired with the base URL it was configured for: a client is found by the exact (gateway, base
 * URL) an endpoint was started with. When several endpoints share a gateway and base URL with different keys (two
 * accounts at one gateway), the first one started is used: give such accounts components (and job stores) of their
 * own.
 */
final class GatewayClients {

    private final Map<String, List<JobClient>> clients = new ConcurrentHashMap<>();

    /** Makes an endpoint's client findable; {@code baseUrl} as normalised by {@link PixazoSettings#baseUrl}. */
    void register(String gatewayId, String baseUrl, JobClient client) {
        clients.computeIfAbsent(key(gatewayId, baseUrl), k -> new CopyOnWriteArrayList<>()).add(client);
    }

    /** Forgets a stopped endpoint's client. */
    void unregister(String gatewayId, String baseUrl, JobClient client) {
        List<JobClient> list = clients.get(key(gatewayId, baseUrl));
        if (list != null) {
            list.remove(client);
        }
    }

    /** The client of the first started endpoint for this gateway and base URL, if any is running. */
    Optional<JobClient> find(String gatewayId, String baseUrl) {
        List<JobClient> list = clients.get(key(gatewayId, baseUrl));
        return list == null ? Optional.empty() : list.stream().findFirst();
    }

    private static String key(String gatewayId, String baseUrl) {
        return gatewayId + " " + baseUrl;
    }
}
