package io.github.camelpixazo.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.store.WebhookTokenHash;

/**
 * The per-job callback URL: {@code webhookUrl + "/" + token}, where the token is a fresh secret of 256 random bits
 * (base64url, 43 characters) made for each job. Pixazo does not sign callbacks, so the secret in the path is what
 * tells a genuine callback from a forged one without asking the gateway: only the gateway and this component know
 * it, and the job store keeps only its SHA-256 ({@link WebhookTokenHash}), so a copy of the store does not let anyone
 * forge callbacks either.
 */
public final class WebhookTokens {

    /** A token as this class makes them: base64url without padding, 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookTokens() {
    }

    /** A fresh secret token (256 bits from {@link SecureRandom}). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} has the form of a token; anything else is ignored without a store lookup. */
    public static boolean looksLikeToken(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }

    /** The job's callback URL: {@code webhookUrl} without a trailing slash, then {@code /token}. */
    public static String callbackUrl(String webhookUrl, String token) {
        String base = webhookUrl.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/" + token;
    }

    /** The length of each job's callback URL made from {@code webhookUrl} (the secret is always 43 characters). */
    public static int callbackUrlLength(String webhookUrl) {
        return callbackUrl(webhookUrl, "x".repeat(43)).length();
    }

    /**
     * Checks that a webhook URL can take a per-job secret as its last path segment: no query, no fragment.
     *
     * @throws PixazoValidationException on option {@code webhookUrl}, quoting it
     */
    public static void requireExtensible(String webhookUrl) {
        try {
            URI uri = new URI(webhookUrl.trim());
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new PixazoValidationException("webhookUrl", webhookUrl, "must not have a query or a fragment"
                        + " when jobs are collected by pixazo:jobs: each job's callback URL is webhookUrl followed by"
                        + " /<a secret of that job>.");
            }
        } catch (URISyntaxException e) {
            throw new PixazoValidationException("webhookUrl", webhookUrl, "not a valid URL: " + e.getReason() + ".");
        }
    }

    /**
     * The local path callbacks arrive on: {@code webhookPath} when set (behind a reverse proxy), else the path of
     * {@code webhookUrl}; always starting with {@code /}, never ending with one (empty path: {@code ""}).
     */
    public static String receiverPath(String webhookUrl, String webhookPath) {
        String path;
        if (webhookPath != null && !webhookPath.isBlank()) {
            path = webhookPath.trim();
        } else {
            try {
                path = new URI(webhookUrl.trim()).getRawPath();
            } catch (URISyntaxException e) {
                throw new PixazoValidationException("webhookUrl", webhookUrl, "not a valid URL: " + e.getReason() + ".");
            }
        }
        if (path == null) {
            path = "";
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("{") || path.contains("?") || path.contains("#")) {
            throw new PixazoValidationException("webhookPath", webhookPath, "must be a plain path such as /pixazo-callbacks.");
        }
        return path;
    }

    /** The hash the store keeps for {@code token}. */
    public static String hash(String token) {
        return WebhookTokenHash.of(token);
    }
}
