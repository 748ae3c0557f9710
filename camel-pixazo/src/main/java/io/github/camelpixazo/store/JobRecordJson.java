package io.github.camelpixazo.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link JobRecord} (one file of the file store) and of carried headers (a column of the JDBC
 * store), with Jackson's tree model. Reading is strict, because a hand edit or a torn write must be reported, not half
 * believed: every field has one JSON type, duplicate keys and trailing content are refused, decimals are read exactly
 * (so {@code 1.50} stays {@code 1.50}).
 *
 * <pre>
 * {"recordVersion":1,"requestId":"req_1","gateway":"pixazo","baseUrl":"https://gateway.pixazo.ai",
 *  "model":"gpt-image-2","operation":"generate","n":1,"format":"png","submittedAt":"2026-01-01T10:00:00Z",
 *  "carriedHeaders":{"CamelFileName":"cat.txt"},"webhookTokenHash":null,"estimatedCost":0.04,"costCurrency":"USD",
 *  "nextPollAt":"2026-01-01T10:00:10Z","pollIntervalMillis":10000,"polls":0,"lastStatus":"QUEUED","lastError":null}
 * </pre>
 *
 * Leases are not part of it: single-process stores keep them in memory.
 */
final class JobRecordJson {

    /** The version of the record layout written; a file with another version is not read. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Why a record or header document could not be read. */
    static final class Unreadable extends Exception {
        private final String requestId;

        Unreadable(String reason, String requestId) {
            super(reason, null, false, false);
            this.requestId = requestId;
        }

        /** The request id, when the document had a readable one. */
        String requestId() {
            return requestId;
        }
    }

    private JobRecordJson() {
    }

    /** The record (without its lease) as UTF-8 JSON. */
    static byte[] write(JobRecord record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("recordVersion", VERSION);
        node.put("requestId", record.requestId());
        node.put("gateway", record.gateway());
        node.put("baseUrl", record.baseUrl());
        node.put("model", record.model());
        node.put("operation", record.operation());
        node.put("n", record.n());
        node.put("format", record.format());
        node.put("submittedAt", record.submittedAt().toString());
        node.set("carriedHeaders", headersNode(record.carriedHeaders()));
        node.put("webhookTokenHash", record.webhookTokenHash());
        node.put("estimatedCost", record.estimatedCost());
        node.put("costCurrency", record.costCurrency());
        node.put("nextPollAt", record.nextPollAt().toString());
        node.put("pollIntervalMillis", record.pollInterval().toMillis());
        node.put("polls", record.polls());
        node.put("lastStatus", record.lastStatus());
        node.put("lastError", record.lastError());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Reads a record written by {@link #write}. */
    static JobRecord read(byte[] json) throws Unreadable {
        JsonNode root = parse(json, null);
        if (!root.isObject()) {
            throw new Unreadable("not a JSON object", null);
        }
        String id = root.path("requestId").isTextual() ? root.path("requestId").asText() : null;
        try {
            int version = integer(root, "recordVersion");
            if (version != VERSION) {
                throw new Unreadable("recordVersion " + version + " is not " + VERSION
                                     + " (written by another version of camel-pixazo)", id);
            }
            Integer n = root.hasNonNull("n") ? integer(root, "n") : null;
            return JobRecord.builder()
                    .requestId(text(root, "requestId", true))
                    .gateway(text(root, "gateway", true))
                    .baseUrl(text(root, "baseUrl", false))
                    .model(text(root, "model", true))
                    .operation(text(root, "operation", true))
                    .n(n)
                    .format(text(root, "format", false))
                    .submittedAt(instant(root, "submittedAt"))
                    .carriedHeaders(headers(root.get("carriedHeaders"), id))
                    .webhookTokenHash(text(root, "webhookTokenHash", false))
                    .estimatedCost(decimal(root, "estimatedCost"))
                    .costCurrency(text(root, "costCurrency", false))
                    .nextPollAt(instant(root, "nextPollAt"))
                    .pollInterval(Duration.ofMillis(longValue(root, "pollIntervalMillis")))
                    .polls(integer(root, "polls"))
                    .lastStatus(text(root, "lastStatus", true))
                    .lastError(text(root, "lastError", false))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage(), id);
        } catch (WrongField e) {
            throw new Unreadable(e.getMessage(), id);
        }
    }

    /** Carried headers as a JSON object. */
    static String writeHeaders(Map<String, Object> headers) {
        try {
            return MAPPER.writeValueAsString(headersNode(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Carried headers from a JSON object written by {@link #writeHeaders}. */
    static Map<String, Object> readHeaders(String json, String requestId) throws Unreadable {
        if (json == null) {
            throw new Unreadable("carried headers are null", requestId);
        }
        try {
            return headers(parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), requestId), requestId);
        } catch (WrongField e) {
            throw new Unreadable(e.getMessage(), requestId);
        }
    }

    private static JsonNode parse(byte[] json, String requestId) throws Unreadable {
        if (json.length == 0) {
            throw new Unreadable("empty (zero bytes)", requestId);
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new Unreadable("no JSON content", requestId);
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String message = e.getOriginalMessage();
            // the parser quotes a little of the content: keep the reason short
            message = message.length() > 160 ? message.substring(0, 160) + "..." : message;
            throw new Unreadable("not valid JSON" + where + ": " + message, requestId);
        } catch (IOException e) {
            throw new Unreadable("not valid JSON: " + e.getMessage(), requestId);
        }
    }

    private static ObjectNode headersNode(Map<String, Object> headers) {
        ObjectNode node = MAPPER.createObjectNode();
        headers.forEach((name, value) -> {
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof String) {
                node.put(name, (String) value);
            } else if (value instanceof Boolean) {
                node.put(name, (Boolean) value);
            } else if (value instanceof Integer) {
                node.put(name, (Integer) value);
            } else if (value instanceof Long) {
                node.put(name, (Long) value);
            } else if (value instanceof BigInteger) {
                node.put(name, (BigInteger) value);
            } else {
                node.put(name, (BigDecimal) value);
            }
        });
        return node;
    }

    private static Map<String, Object> headers(JsonNode node, String requestId) throws WrongField {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new WrongField("carriedHeaders must be a JSON object, got " + node.getNodeType());
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                headers.put(field.getKey(), null);
            } else if (value.isTextual()) {
                headers.put(field.getKey(), value.textValue());
            } else if (value.isBoolean()) {
                headers.put(field.getKey(), value.booleanValue());
            } else if (value.isIntegralNumber()) {
                headers.put(field.getKey(), value.bigIntegerValue());
            } else if (value.isNumber()) {
                headers.put(field.getKey(), value.decimalValue());
            } else {
                throw new WrongField("carried header " + field.getKey() + " must be a string, number, boolean or null,"
                                     + " got " + value.getNodeType());
            }
        }
        return headers;
    }

    private static String text(JsonNode root, String name, boolean required) throws WrongField {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new WrongField(name + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new WrongField(name + " must be a string, got " + node.getNodeType());
        }
        return node.textValue();
    }

    private static int integer(JsonNode root, String name) throws WrongField {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new WrongField(name + " is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new WrongField(name + " must be a whole number, got " + node.getNodeType() + " " + node);
        }
        return node.intValue();
    }

    private static long longValue(JsonNode root, String name) throws WrongField {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new WrongField(name + " is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new WrongField(name + " must be a whole number, got " + node.getNodeType() + " " + node);
        }
        return node.longValue();
    }

    private static BigDecimal decimal(JsonNode root, String name) throws WrongField {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new WrongField(name + " must be a number, got " + node.getNodeType());
        }
        return node.decimalValue();
    }

    private static Instant instant(JsonNode root, String name) throws WrongField {
        String value = text(root, name, true);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new WrongField(name + " must be an ISO-8601 instant such as 2026-01-01T10:00:00Z, got '" + value + "'");
        }
    }

    /** A field of the wrong type or missing. */
    private static final class WrongField extends Exception {
        WrongField(String message) {
            super(message, null, false, false);
        }
    }
}
