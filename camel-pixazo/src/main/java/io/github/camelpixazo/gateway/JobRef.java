package io.github.camelpixazo.gateway;

import java.util.Locale;
import java.util.Objects;

import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;

/**
 * A job as a status query needs it: which gateway took it, its id there, and - when known - the model and operation
 * it was submitted with (some gateways' status answers do not name the model). Everything here is what a stored job
 * record keeps (gateway id, request id, model and operation as text), so a consumer that knows nothing of the
 * producer can build one with {@link #of(String, String, String, String)}.
 *
 * @param gateway   the gateway's id: {@code pixazo}, {@code pixapi} or {@code evolink}
 * @param requestId the gateway's id of the job
 * @param model     null when unknown
 * @param operation null when unknown
 */
public record JobRef(String gateway, String requestId, ImageModel model, ImageOperation operation) {

    public JobRef {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * From stored text: the model as users write it ({@code gpt-image-2}, {@code gpt-image-1.5}) and the operation
     * ({@code generate}, {@code edit}, in any case); unknown or null texts give null.
     */
    public static JobRef of(String gateway, String requestId, String model, String operation) {
        ImageModel parsedModel = null;
        for (ImageModel candidate : ImageModel.values()) {
            if (candidate.value().equalsIgnoreCase(String.valueOf(model))) {
                parsedModel = candidate;
            }
        }
        ImageOperation parsedOperation = null;
        for (ImageOperation candidate : ImageOperation.values()) {
            if (candidate.name().equalsIgnoreCase(String.valueOf(operation).trim())) {
                parsedOperation = candidate;
            }
        }
        return new JobRef(gateway.trim().toLowerCase(Locale.ROOT), requestId, parsedModel, parsedOperation);
    }
}
