package io.github.camelpixazo.gateway;

import io.github.camelpixazo.request.ImageOption;

/**
 * Where one option of the user's vocabulary goes on a gateway's wire: the gateways build their requests from lists of
 * these, and the gateway pages in docs/gateways are checked against the same lists, so the documented mapping is the
 * one sent.
 *
 * @param carrier where the value travels
 * @param name    the gateway's documented name there (a JSON field, a header, a multipart part)
 * @param note    what the mapping rests on when it is not a plain fact of the reference file (an assumption of
 *                gateway-facts.md), else null
 */
public record WireField(ImageOption option, Carrier carrier, String name, String note) {

    /** Where a value travels. */
    public enum Carrier {
        /** A field of the JSON body. */
        JSON,
        /** An HTTP request header. */
        HEADER,
        /** A text part of a multipart/form-data body. */
        FORM_FIELD,
        /** A file part of a multipart/form-data body (repeated for several images). */
        FORM_FILE,
        /** Part of the request path (the endpoint is chosen by it). */
        PATH
    }

    /** A mapping that is a plain fact of the reference file. */
    public WireField(ImageOption option, Carrier carrier, String name) {
        this(option, carrier, name, null);
    }

    /** As the gateway pages show it, e.g. "JSON field `size`". */
    public String describe() {
        return switch (carrier) {
            case JSON -> "JSON field `" + name + "`";
            case HEADER -> "header `" + name + "`";
            case FORM_FIELD -> "form field `" + name + "`";
            case FORM_FILE -> "file part `" + name + "`";
            case PATH -> "path `" + name + "`";
        };
    }
}
