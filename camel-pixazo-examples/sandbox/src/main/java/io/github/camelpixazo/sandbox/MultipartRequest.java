package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data request body (RFC 7578), read strictly: a client that sends it malformed gets a 400 naming
 * what is wrong, as a gateway would. Pixapi's edits arrive this way.
 */
final class MultipartRequest {

    /** One part: a text field, or a file (with a file name and content type). */
    record Part(String name, String fileName, String contentType, byte[] body) {

        boolean isFile() {
            return fileName != null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("multipart/form-data;\\s*boundary=\"?([^\";]+)\"?.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPOSITION = Pattern.compile(
            "form-data;\\s*name=\"([^\"]*)\"(?:;\\s*filename=\"([^\"]*)\")?", Pattern.CASE_INSENSITIVE);

    private final List<Part> parts;

    private MultipartRequest(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static MultipartRequest parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType.trim());
        if (!m.matches()) {
            throw ApiException.badRequest("Content-Type must be multipart/form-data with a boundary");
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        byte[] next = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        if (at != 0) {
            throw ApiException.badRequest("Malformed multipart body: it does not start with the boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = at + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return new MultipartRequest(parts);
            }
            if (after + 1 >= body.length || body[after] != '\r' || body[after + 1] != '\n') {
                throw ApiException.badRequest("Malformed multipart body: no line break after a boundary");
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), after + 2);
            if (headersEnd < 0) {
                throw ApiException.badRequest("Malformed multipart body: a part without headers");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(body, after + 2, headersEnd - after - 2, StandardCharsets.UTF_8)
                    .split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            int end = indexOf(body, next, headersEnd + 4);
            if (end < 0) {
                throw ApiException.badRequest("Malformed multipart body: a part is not closed by the boundary");
            }
            Matcher disposition = DISPOSITION.matcher(headers.getOrDefault("content-disposition", ""));
            if (!disposition.matches()) {
                throw ApiException.badRequest("Malformed multipart body: a part without Content-Disposition form-data");
            }
            parts.add(new Part(disposition.group(1), disposition.group(2), headers.get("content-type"),
                    Arrays.copyOfRange(body, headersEnd + 4, end)));
            at = end + 2;
        }
    }

    List<Part> parts() {
        return parts;
    }

    List<Part> named(String... names) {
        List<String> wanted = List.of(names);
        return parts.stream().filter(part -> wanted.contains(part.name())).toList();
    }

    /** The fields as JSON, for the record of submissions: text as strings, files as {filename, contentType, size}. */
    ObjectNode summary() {
        ObjectNode node = StrictJson.MAPPER.createObjectNode();
        for (Part part : parts) {
            ObjectNode file = null;
            if (part.isFile()) {
                file = StrictJson.MAPPER.createObjectNode();
                file.put("filename", part.fileName());
                file.put("contentType", part.contentType());
                file.put("size", part.body().length);
            }
            if (node.has(part.name())) {
                ArrayNode array;
                if (node.get(part.name()).isArray()) {
                    array = (ArrayNode) node.get(part.name());
                } else {
                    array = StrictJson.MAPPER.createArrayNode();
                    array.add(node.get(part.name()));
                    node.set(part.name(), array);
                }
                if (file != null) {
                    array.add(file);
                } else {
                    array.add(part.text());
                }
            } else if (file != null) {
                node.set(part.name(), file);
            } else {
                node.put(part.name(), part.text());
            }
        }
        return node;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
