package io.github.camelpixazo.request;

import java.util.Locale;

/**
 * How a gateway hands back the images: as URLs on its CDN, which the component downloads ({@code url}), or inline in
 * its answer as base64, decoded as it arrives ({@code inline}). Only Pixapi lets the client choose
 * (pixapi-gpt-image-api.txt); Pixazo and EvoLink always answer with URLs. The gateway layer names the wire value.
 */
public enum ResultDelivery implements OptionValue {
    URL, INLINE;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
