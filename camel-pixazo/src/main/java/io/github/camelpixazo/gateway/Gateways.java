package io.github.camelpixazo.gateway;

import java.util.List;
import java.util.Locale;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.request.Spelling;

/** The gateways the component speaks, by the id users write in the option {@code gateway}. */
public final class Gateways {

    /** Pixazo, the default (pixazo-gpt-image-api.txt). */
    public static final ImageGateway PIXAZO = new PixazoGateway();
    /** Pixapi, OpenAI-compatible (pixapi-gpt-image-api.txt, gateway-facts.md). */
    public static final ImageGateway PIXAPI = new PixapiGateway();
    /** EvoLink, a task API (evolink-gpt-image-1.5-api.txt, gateway-facts.md). */
    public static final ImageGateway EVOLINK = new EvolinkGateway();

    private static final List<ImageGateway> ALL = List.of(PIXAZO, PIXAPI, EVOLINK);

    private Gateways() {
    }

    /** Every gateway, the default first. */
    public static List<ImageGateway> all() {
        return ALL;
    }

    /** The ids, comma separated, as messages and the catalog list them. */
    public static String ids() {
        return String.join(",", ALL.stream().map(ImageGateway::id).toList());
    }

    /**
     * The gateway of an id (any case, surrounding blanks ignored); null or blank gives Pixazo, the default.
     *
     * @throws PixazoValidationException on option {@code gateway} for an unknown id, with the closest one
     */
    public static ImageGateway byId(String id) {
        if (id == null || id.isBlank()) {
            return PIXAZO;
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (ImageGateway gateway : ALL) {
            if (gateway.id().equals(wanted)) {
                return gateway;
            }
        }
        List<String> ids = ALL.stream().map(ImageGateway::id).toList();
        throw new PixazoValidationException("gateway", id, "allowed values are " + String.join(", ", ids) + "."
                + Spelling.didYouMean(id, ids));
    }
}
