package io.github.camelpixazo.sandbox;

import io.github.camelpixazo.sandbox.image.ImageFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Media URLs as on the gateway's CDN: {@code /v1/<request_id>/output.png}, then {@code output-2.png}... */
final class MediaPaths {

    private static final Pattern MEDIA_PATH = Pattern.compile("/v1/([^/]+)/output(?:-([1-9][0-9]*))?\\.([a-z]+)");

    /** A parsed media path: which image of which job, in which format. */
    record MediaRef(String requestId, int index, String extension) {
    }

    private MediaPaths() {
    }

    static String path(String requestId, int index, ImageFormat format) {
        return "/v1/" + requestId + "/output" + (index == 1 ? "" : "-" + index) + "." + format.wireName();
    }

    static Optional<MediaRef> parse(String path) {
        Matcher m = MEDIA_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if ("1".equals(m.group(2))) {
            return Optional.empty(); // the first image is output.png, never output-1.png
        }
        return Optional.of(new MediaRef(m.group(1), index, m.group(3)));
    }
}
