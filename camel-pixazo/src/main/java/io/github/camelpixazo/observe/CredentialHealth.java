package io.github.camelpixazo.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.gateway.CallPhase;
import io.github.camelpixazo.job.CallListener;

/**
 * Whether each key in use is accepted by its gateway, as the gateway's answers say: after a 401, 403 or 402 to a
 * submit or status query a credential is <em>refused</em>, until a later call with it succeeds. What a component's
 * readiness check reports ({@code PixazoHealthCheck}). A credential is a gateway, a base URL's origin and a key; the
 * key is kept only as a hash, never shown.
 */
public final class CredentialHealth {

    /** One key at one gateway origin. */
    public record Credential(String gateway, String origin, String keyHash) {
    }

    /** A refused credential: the last refusing status, since when, and what refused it. */
    public record Refusal(String gateway, String origin, int status, CallPhase phase, Instant since, Instant last,
                          int refusals) {
    }

    private static final class State {
        final AtomicInteger users = new AtomicInteger();
        volatile Refusal refusal;
        volatile Instant lastSuccess;
    }

    private final Map<Credential, State> states = new ConcurrentHashMap<>();

    /**
     * Registers an endpoint's use of a credential (until {@link #release}) and returns the listener its job client
     * reports every answer to.
     */
    public CallListener use(Credential credential) {
        State state = states.computeIfAbsent(credential, c -> new State());
        state.users.incrementAndGet();
        return (phase, status) -> answered(state, credential, phase, status);
    }

    /** An endpoint stopped using the credential. */
    public void release(Credential credential) {
        State state = states.get(credential);
        if (state != null && state.users.decrementAndGet() <= 0) {
            states.remove(credential, state);
        }
    }

    /** The credential of a key ({@code apiKey} is hashed at once). */
    public static Credential credential(String gateway, String origin, String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return new Credential(gateway, origin, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether an endpoint using a key for {@code gateway} is running. */
    public boolean inUse(String gateway) {
        return states.keySet().stream().anyMatch(c -> c.gateway().equals(gateway));
    }

    /** The credentials refused now, in no particular order. */
    public List<Refusal> refusals() {
        List<Refusal> refused = new ArrayList<>();
        states.values().forEach(state -> {
            Refusal refusal = state.refusal;
            if (refusal != null) {
                refused.add(refusal);
            }
        });
        return refused;
    }

    /** How many credentials are in use. */
    public int credentials() {
        return states.size();
    }

    private static void answered(State state, Credential credential, CallPhase phase, int status) {
        Instant now = Instant.now();
        if (status == 401 || status == 402 || status == 403) {
            Refusal earlier = state.refusal;
            state.refusal = new Refusal(credential.gateway(), credential.origin(), status, phase,
                    earlier != null ? earlier.since() : now, now, earlier != null ? earlier.refusals() + 1 : 1);
        } else if (status >= 200 && status < 300) {
            state.refusal = null;
            state.lastSuccess = now;
        }
    }
}
