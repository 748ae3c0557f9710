package io.github.camelpixazo.request;

/** When the gateway calls the webhook: once at the terminal status, or on every poll cycle as well. */
public enum WebhookMode implements OptionValue {
    TERMINAL, SYNC;

    @Override
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
