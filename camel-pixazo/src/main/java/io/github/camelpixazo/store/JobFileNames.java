package io.github.camelpixazo.store;

import java.nio.charset.StandardCharsets;

/**
 * The file name of a job record: the request id with every byte outside {@code [a-z0-9_-]} written as {@code %XX}
 * (upper-case letters included, so that two ids differing only in case never meet on a case-insensitive file system),
 * plus {@value #SUFFIX}. An id whose encoded form would be too long for a file name is replaced by {@code ~} and its
 * SHA-256. Names never start with a dot, so they never clash with temporary files.
 */
final class JobFileNames {

    /** The suffix of a job record file. */
    static final String SUFFIX = ".job.json";
    private static final int MAX_ENCODED = 180;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JobFileNames() {
    }

    static String fileName(String requestId) {
        StringBuilder name = new StringBuilder(requestId.length() + 16);
        for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
                name.append((char) c);
            } else {
                name.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        if (name.length() > MAX_ENCODED) {
            return "~" + WebhookTokenHash.of(requestId) + SUFFIX;
        }
        return name.append(SUFFIX).toString();
    }
}
