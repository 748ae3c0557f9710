package io.github.camelpixazo.observe;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.request.ImageModel;

/**
 * The closed sets the meters' {@code gateway}, {@code model} and {@code operation} tags take their values from
 * (docs/cost-and-operations.adoc, Metrics): anything else is {@value #OTHER}, so text from a job record can never
 * add meters.
 */
final class TagValues {

    /** The tag value of anything outside the known gateways, models and operations. */
    static final String OTHER = "other";

    private static final Set<String> GATEWAYS = Gateways.all().stream().map(ImageGateway::id)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> MODELS = Arrays.stream(ImageModel.values()).map(ImageModel::value)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> OPERATIONS = Set.of("generate", "edit");

    private TagValues() {
    }

    /** {@code pixazo}, {@code pixapi}, {@code evolink}, or {@value #OTHER}. */
    static String gateway(String id) {
        return GATEWAYS.contains(id) ? id : OTHER;
    }

    /** A model as users write it ({@code gpt-image-2}), or {@value #OTHER}. */
    static String model(String model) {
        return MODELS.contains(model) ? model : OTHER;
    }

    /** {@code generate}, {@code edit}, or {@value #OTHER}. */
    static String operation(String operation) {
        return OPERATIONS.contains(operation) ? operation : OTHER;
    }
}
