package io.github.camelpixazo.request;

/** How an edit's input image (or mask) reaches a gateway: its bytes sent along, or a URL the gateway fetches. */
public enum InputKind {
    /** Bytes, a file, a stream or a data: URI: the component sends the image itself. */
    LOCAL,
    /** An https URL the gateway downloads itself. */
    REMOTE;

    /** What a user sends for this kind, for messages. */
    public String describe() {
        return this == LOCAL ? "local images (bytes, a File or Path, a stream or a data: URI)"
                : "https URLs the gateway fetches itself";
    }
}
