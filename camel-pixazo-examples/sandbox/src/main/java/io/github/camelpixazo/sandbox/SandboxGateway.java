package io.github.camelpixazo.sandbox;

import java.util.Locale;

/**
 * Which gateway's protocol a sandbox speaks, chosen when it is built: its paths, authentication, task shapes,
 * callbacks and error bodies, as the project's API reference documents them (and gateway-facts.md where it is
 * silent).
 */
public enum SandboxGateway {
    /** {@code POST /<model>/v1/...}, {@code GET /v2/requests/status/{id}}, {@code Ocp-Apim-Subscription-Key}. */
    PIXAZO("Pixazo"),
    /**
     * OpenAI-compatible: {@code /v1/images/generations|edits} (synchronous), {@code /v1/async/images/...} and
     * {@code GET /v1/tasks/{id}}, multipart edits, {@code Authorization: Bearer}.
     */
    PIXAPI("Pixapi"),
    /** {@code POST /v1/images/generations} answering a task, {@code GET /v1/tasks/{id}}, callback_url, Bearer. */
    EVOLINK("EvoLink");

    private final String displayName;

    SandboxGateway(String displayName) {
        this.displayName = displayName;
    }

    /** The gateway's name, e.g. "EvoLink". */
    public String displayName() {
        return displayName;
    }

    /** The id the pixazo component's option {@code gateway} takes: pixazo, pixapi, evolink. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By id, any case. */
    public static SandboxGateway of(String id) {
        for (SandboxGateway gateway : values()) {
            if (gateway.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return gateway;
            }
        }
        throw new IllegalArgumentException("Unknown gateway '" + id + "': use pixazo, pixapi or evolink");
    }
}
