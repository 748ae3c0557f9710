package io.github.camelpixazo.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status line and headers of a response, before its body.
 *
 * @param headers every header's values, names in lower case
 */
public record ResponseHead(int status, Map<String, List<String>> headers) {

    public ResponseHead {
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                    (a, b) -> {
                        List<String> both = new java.util.ArrayList<>(a);
                        both.addAll(b);
                        return List.copyOf(both);
                    }));
        }
        headers = Map.copyOf(lower);
    }

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header by case-insensitive name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Never prints header values. */
    @Override
    public String toString() {
        return "HTTP " + status;
    }
}
