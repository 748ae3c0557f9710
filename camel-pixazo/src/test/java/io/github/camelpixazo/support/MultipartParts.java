package io.github.camelpixazo.support;

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
 * A strict reader of what a client sent as multipart/form-data (RFC 7578), for asserting the exact parts: their
 * order, names, file names, content types and bytes. Anything malformed fails the test.
 */
public final class MultipartParts {

    /** One part as sent. */
    public record Part(String name, String fileName, String contentType, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name + (fileName != null ? " (file " + fileName + ", " + contentType + ", " + body.length + " bytes)"
                    : "=" + text());
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("multipart/form-data;\\s*boundary=(\\S+)");
    private static final Pattern NAME = Pattern.compile("form-data; name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?");

    private MultipartParts() {
    }

    /** The parts, in order. */
    public static List<Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.matches()) {
            throw new AssertionError("not multipart/form-data with a boundary: " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at != 0) {
            throw new AssertionError("the body does not start with the boundary");
        }
        while (true) {
            int after = at + delimiter.length;
            if (body[after] == '-' && body[after + 1] == '-') {
                if (after + 4 != body.length || body[after + 2] != '\r' || body[after + 3] != '\n') {
                    throw new AssertionError("bytes after the closing boundary");
                }
                return parts;
            }
            expectCrlf(body, after);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), after + 2);
            String headerText = new String(body, after + 2, headersEnd - after - 2, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : headerText.split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int next = indexOf(body, ("\r\n--" + m.group(1)).getBytes(StandardCharsets.US_ASCII), headersEnd + 4);
            if (next < 0) {
                throw new AssertionError("a part without a closing boundary");
            }
            Matcher disposition = NAME.matcher(headers.getOrDefault("content-disposition", ""));
            if (!disposition.matches()) {
                throw new AssertionError("a part without a form-data Content-Disposition: " + headers);
            }
            parts.add(new Part(disposition.group(1), disposition.group(2), headers.get("content-type"),
                    Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
    }

    /** The names in order, e.g. [model, prompt, image, image, mask]. */
    public static List<String> names(List<Part> parts) {
        return parts.stream().map(Part::name).toList();
    }

    private static void expectCrlf(byte[] body, int at) {
        if (body[at] != '\r' || body[at + 1] != '\n') {
            throw new AssertionError("no CRLF after a boundary at " + at);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
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
