package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed, strict access to the fields of a submit body. Deliberately stricter than a lenient server:
 * an unknown field or a value of the wrong JSON type (a string "4" for an integer, a null) is a 400 naming
 * the field, so wire bugs in clients surface in tests instead of being silently ignored.
 */
final class RequestFields {

    private final ObjectNode body;

    private RequestFields(ObjectNode body) {
        this.body = body;
    }

    /** Rejects the body if it has a field outside {@code allowed} (checked in document order). */
    static RequestFields of(ObjectNode body, String modelId, List<String> allowed) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("Unknown field '" + name + "' for " + modelId
                        + "; allowed fields: " + String.join(", ", allowed));
            }
        }
        return new RequestFields(body);
    }

    boolean has(String name) {
        return body.has(name);
    }

    JsonNode raw(String name) {
        return body.get(name);
    }

    String requiredNonBlankString(String name) {
        if (!body.has(name)) {
            throw ApiException.badRequest("Field '" + name + "' is required");
        }
        String value = optionalString(name).orElseThrow();
        if (value.isBlank()) {
            throw ApiException.badRequest("Field '" + name + "' must not be blank");
        }
        return value;
    }

    Optional<String> optionalString(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw wrongType(name, "a string", node);
        }
        return Optional.of(node.textValue());
    }

    /** A string that must be one of {@code allowed}; {@code fallback} when absent. */
    String oneOf(String name, List<String> allowed, String fallback) {
        Optional<String> value = optionalString(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.badRequest("Invalid value '" + value.get() + "' for field '" + name
                    + "'; allowed: " + String.join(", ", allowed));
        }
        return value.orElse(fallback);
    }

    /** An integer within [min, max]; empty when absent. Floats such as 2.0 are rejected, like strings. */
    Optional<Integer> optionalInt(String name, int min, int max) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber()) {
            throw wrongType(name, "an integer", node);
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiException.badRequest("Invalid value " + node.asText() + " for field '" + name
                    + "'; allowed: an integer from " + min + " to " + max);
        }
        return Optional.of(node.intValue());
    }

    static ApiException wrongType(String name, String expected, JsonNode actual) {
        return ApiException.badRequest("Field '" + name + "' must be " + expected + ", got "
                + StrictJson.typeName(actual));
    }
}
