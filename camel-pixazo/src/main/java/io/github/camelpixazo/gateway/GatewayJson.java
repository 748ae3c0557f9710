package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageRequest;

/** JSON reading and writing the gateways share: answers as trees, field texts, request fields from a request. */
final class GatewayJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Request ids are echoed into a URL path: only characters that need no escaping and cannot climb the path. */
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,254}");

    private GatewayJson() {
    }

    /** An answer that must be one JSON object (small: answers without inline images). */
    static JsonNode readObject(SpooledReply reply, String gateway, String what, String requestId) {
        try (InputStream in = reply.openBody()) {
            JsonNode json = MAPPER.readTree(in);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (IOException malformed) {
            throw new PixazoMalformedResponseException(gateway + "'s answer to the " + what + " (HTTP "
                    + reply.status() + ") is not JSON: " + snippet(reply), reply.status(), requestId, malformed);
        }
        throw new PixazoMalformedResponseException(gateway + "'s answer to the " + what + " (HTTP " + reply.status()
                + ") is not a JSON object: " + snippet(reply), reply.status(), requestId, null);
    }

    /**
     * A callback body that must be one JSON object, as Pixazo and EvoLink send them.
     *
     * @throws PixazoMalformedResponseException quoting the start of the body when it is not JSON or not an object
     */
    static JsonNode readCallback(byte[] body, String gateway) {
        String a = "AEIOU".indexOf(gateway.charAt(0)) >= 0 ? "An " : "A ";
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new PixazoMalformedResponseException(a + gateway + " callback that is not JSON: " + snippet(body),
                    0, null, e);
        }
        if (json == null || !json.isObject()) {
            throw new PixazoMalformedResponseException(a + gateway + " callback that is not a JSON object: "
                    + snippet(body), 0, null, null);
        }
        return json;
    }

    /**
     * The id a submit answer gave, when it is usable in a status path.
     *
     * @param  idName the field as the gateway names it in messages ({@code request_id}, {@code task id})
     * @throws PixazoMalformedResponseException when there is none or it is unusable: the job may have been queued and
     *                                          billed, which the message says, so nothing resubmits it blindly
     */
    static String acceptedId(String id, SpooledReply reply, String gateway, String idName) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new PixazoMalformedResponseException(gateway + " accepted the submit (HTTP " + reply.status()
                    + ") but its answer has no usable " + idName + ": " + snippet(reply) + ". The job may have been"
                    + " queued and billed; it is not resubmitted automatically.", reply.status(), null, null);
        }
        return id;
    }

    /** A value as text (numbers too); an object or array as its JSON; null when absent or null. */
    static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** An integer field, or null when absent or not a number. */
    static Integer integer(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isNumber() ? Integer.valueOf(value.intValue()) : null;
    }

    /** The strings of an array field (or a single string), skipping anything else. */
    static List<String> strings(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        List<String> texts = new java.util.ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual()) {
                    texts.add(item.asText());
                }
            });
        } else if (value != null && value.isTextual()) {
            texts.add(value.asText());
        }
        return texts;
    }

    /** The first 200 characters of a body, quoted, for messages. */
    static String snippet(SpooledReply reply) {
        String text = reply.head(200).replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "<empty body>" : "'" + text + (reply.length() > 200 ? "...'" : "'");
    }

    static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "<empty body>" : "'" + text + (body.length > 200 ? "...'" : "'");
    }

    /** @throws PixazoValidationException unless the id is safe to put into a status path */
    static void requireSafeId(String requestId) {
        if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
            throw new PixazoValidationException("requestId", requestId, "not a request id: expected letters, digits"
                    + " and . _ : - (for example gpt-image-2_019d... or task-unified-...), from the header"
                    + " CamelPixazoRequestId of a submit.");
        }
    }

    /** Puts a request's values into a JSON body by the gateway's field list, sending only what is set. */
    static void putFields(ObjectNode body, ImageRequest request, List<WireField> fields,
                          java.util.function.Function<ImageModel, String> modelId) {
        for (WireField field : fields) {
            if (field.carrier() != WireField.Carrier.JSON) {
                continue;
            }
            Object value = field.option().valueIn(request);
            if (value instanceof ImageModel model) {
                body.put(field.name(), modelId.apply(model));
            } else if (value instanceof Integer number) {
                body.put(field.name(), number);
            } else if (value instanceof Boolean flag) {
                body.put(field.name(), flag);
            } else if (value != null && !(value instanceof List) && !(value instanceof io.github.camelpixazo.request.ImageInput)) {
                body.put(field.name(), value.toString());
            }
        }
    }
}
