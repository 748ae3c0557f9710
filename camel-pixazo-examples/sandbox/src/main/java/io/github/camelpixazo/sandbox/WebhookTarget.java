package io.github.camelpixazo.sandbox;

import java.net.URI;

/** Where and how to call back for one job ({@code X-Webhook-URL}, {@code X-Webhook-Mode}). */
record WebhookTarget(URI url, Mode mode) {

    enum Mode {
        /** One POST at the terminal status (the gateway's default). */
        TERMINAL,
        /** A POST on every poll cycle of the gateway's queue, plus one at the terminal status. */
        SYNC
    }
}
