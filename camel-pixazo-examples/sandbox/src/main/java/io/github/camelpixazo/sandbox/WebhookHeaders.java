package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates the optional {@code X-Webhook-URL} and {@code X-Webhook-Mode} submit headers. */
final class WebhookHeaders {

    static final String URL_HEADER = "X-Webhook-URL";
    static final String MODE_HEADER = "X-Webhook-Mode";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final boolean allowHttpLoopback;

    /** @param allowHttpLoopback accept plain http to a loopback host (the gateway itself requires https) */
    WebhookHeaders(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    /** The webhook target, or null when no {@code X-Webhook-URL} was sent (a mode alone is ignored). */
    WebhookTarget parse(Headers headers) {
        String url = headers.getFirst(URL_HEADER);
        if (url == null) {
            return null;
        }
        return new WebhookTarget(parseUrl(url.trim()), parseMode(headers.getFirst(MODE_HEADER)));
    }

    private URI parseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest(URL_HEADER + " is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ApiException.badRequest(URL_HEADER + " must be an absolute https:// URL, got '" + value + "'");
        }
        if (scheme.equals("http") && !(allowHttpLoopback && isLoopback(uri.getHost()))) {
            throw ApiException.badRequest(URL_HEADER + " must use https (plain http:// URLs are rejected), got '"
                    + value + "'" + (allowHttpLoopback ? "; the sandbox also accepts http:// to a loopback host" : ""));
        }
        return uri;
    }

    private static WebhookTarget.Mode parseMode(String value) {
        if (value == null) {
            return WebhookTarget.Mode.TERMINAL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "terminal" -> WebhookTarget.Mode.TERMINAL;
            case "sync" -> WebhookTarget.Mode.SYNC;
            default -> throw ApiException.badRequest("Invalid value '" + value + "' for header " + MODE_HEADER
                    + "; allowed: terminal, sync");
        };
    }

    /** A literal loopback host; names are not resolved (only "localhost"). */
    static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches()
                || host.equals("[::1]") || host.equals("::1");
    }
}
