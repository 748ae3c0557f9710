package io.github.camelpixazo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.observe.CredentialHealth;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of a pixazo component, for Camel's health checks (camel-main's {@code /observe/health}, Spring Boot's
 * {@code /actuator/health} through camel-spring-boot): DOWN when no API key is configured for the component's gateway
 * (and no running endpoint has one of its own), or when a gateway answered 401, 403 or 402 to a key in use - an
 * empty wallet shows up in the platform's probe - until a later call with that key succeeds. The key itself is never
 * shown.
 * <p>
 * Registered by the component itself (id: the component's name, {@code pixazo}), so it is on by default: Camel's
 * producer checks are off unless {@code camel.health.producersEnabled=true}. A readiness check only: a refused key is
 * not cured by a restart, so liveness stays out of it.
 */
final class PixazoHealthCheck implements HealthCheck {

    private final PixazoComponent component;
    private final String id;
    private volatile boolean enabled = true;

    PixazoHealthCheck(PixazoComponent component, String id) {
        this.component = component;
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        ImageGateway gateway = Gateways.byId(component.getConfiguration().getGateway());
        CredentialHealth credentials = component.credentialHealth();
        builder.detail("gateway", gateway.id());
        builder.detail("api.key", component.hasOwnKey() ? "configured" : "not configured");
        builder.detail("keys.in.use", credentials.credentials());
        builder.detail("jobs.in.flight", component.getJobsInFlight());

        List<CredentialHealth.Refusal> refusals = credentials.refusals().stream()
                .sorted(Comparator.comparing(CredentialHealth.Refusal::since)).toList();
        if (!refusals.isEmpty()) {
            CredentialHealth.Refusal first = refusals.get(0);
            builder.detail(HealthCheck.HTTP_RESPONSE_CODE, first.status());
            builder.detail("refused.gateway", first.gateway());
            builder.detail("refused.origin", first.origin());
            builder.detail("refused.since", first.since().toString());
            builder.detail("refused.last", first.last().toString());
            builder.detail("refused.count", first.refusals());
            String name = Gateways.byId(first.gateway()).name();
            return builder.down().message(name + " " + meaning(first.status()) + " (HTTP " + first.status() + ", on a "
                    + first.phase().name().toLowerCase(java.util.Locale.ROOT) + " call, since " + first.since() + ")"
                    + (refusals.size() > 1 ? ", and " + (refusals.size() - 1) + " other key(s) are refused too" : "")
                    + ". Not ready until a later call with that key succeeds.").build();
        }
        if (!component.hasOwnKey() && !credentials.inUse(gateway.id())) {
            return builder.down().message("No API key for " + gateway.name() + ": set the environment variable "
                    + gateway.apiKeyVariable() + " or the component option apiKey (camel.component." + id
                    + ".api-key); no " + gateway.name() + " call can be made.").build();
        }
        return builder.up().build();
    }

    private static String meaning(int status) {
        return switch (status) {
            case 401 -> "rejected the API key: check apiKey";
            case 402 -> "refuses jobs for insufficient balance: add funds to the key's account";
            case 403 -> "denied access with the API key: check that its subscription covers the model";
            default -> "refused the API key";
        };
    }

    @Override
    public String toString() {
        return "PixazoHealthCheck[" + id + "]";
    }
}
