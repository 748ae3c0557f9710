package io.github.camelpixazo.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form in which the store keeps a job's webhook token: its SHA-256 in 64 lower-case hex digits. The token itself
 * (a per-job secret in the job's callback URL) is never stored, so a copy of the store does not let anyone forge
 * callbacks; a callback is matched by hashing the token it carries and looking the hash up
 * ({@link JobStore#findByWebhookTokenHash(String)}).
 */
public final class WebhookTokenHash {

    private WebhookTokenHash() {
    }

    /** SHA-256 of the token's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String of(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("a webhook token must not be empty");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
