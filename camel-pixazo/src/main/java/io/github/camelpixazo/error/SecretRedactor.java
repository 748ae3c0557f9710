package io.github.camelpixazo.error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets (the API key) from text that quotes what a gateway, a proxy or the JDK said: reply-body snippets,
 * the gateway's error words, parser messages, a whole exception chain. The one place that knows every form a key can
 * take when something echoes it back, so that every quoting site is covered by the same rules:
 * <ul>
 * <li>as sent, and with any of its characters escaped as JSON ({@code \u002f}, {@code \/}), URL-encoded
 * ({@code %2F}, {@code %252F}) or as an HTML character reference ({@code &#47;}, {@code &#x2f;}), in any mix and
 * letter case of the hex digits;</li>
 * <li>base64-encoded (standard and URL-safe alphabets, padded or not) on its own or inside a longer encoded text
 * such as an echoed {@code Authorization: Basic} header, at any of the three byte alignments;</li>
 * <li>hex-encoded.</li>
 * </ul>
 * Each occurrence becomes {@value #MASK}. Secrets shorter than {@value #MIN_SECRET_LENGTH} characters are only
 * removed where they appear as sent (a shorter text would match innocent words in their encoded forms).
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "xxxxxx";

    /** Below this length only the secret as sent is removed. */
    static final int MIN_SECRET_LENGTH = 8;

    private static final SecretRedactor NONE = new SecretRedactor(List.of(), null);

    private final List<String> secrets;
    private final Pattern pattern;

    private SecretRedactor(List<String> secrets, Pattern pattern) {
        this.secrets = secrets;
        this.pattern = pattern;
    }

    /** A redactor that changes nothing. */
    public static SecretRedactor none() {
        return NONE;
    }

    /** A redactor for the given secrets; null and empty ones are ignored. */
    public static SecretRedactor of(String... secrets) {
        return of(java.util.Arrays.asList(secrets));
    }

    /** A redactor for the given secrets; null and empty ones are ignored. */
    public static SecretRedactor of(Collection<String> secrets) {
        Set<String> kept = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                kept.add(secret);
            }
        }
        if (kept.isEmpty()) {
            return NONE;
        }
        List<String> alternatives = new ArrayList<>();
        for (String secret : kept) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                alternatives.add(Pattern.quote(secret));
                continue;
            }
            alternatives.add(escapedForms(secret));
            alternatives.addAll(base64Forms(secret));
            alternatives.add(hexForm(secret));
        }
        // longest alternatives first, so a whole base64 form wins over a shorter alignment core inside it
        alternatives.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new SecretRedactor(List.copyOf(kept), Pattern.compile(String.join("|", alternatives)));
    }

    /** Whether this redactor has any secret to remove. */
    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** {@code text} with every form of every secret replaced by {@value #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || pattern == null || text.isEmpty()) {
            return text;
        }
        return pattern.matcher(text).replaceAll(MASK);
    }

    /** Whether {@code text} holds a secret in any form this redactor knows. */
    public boolean reveals(String text) {
        return text != null && pattern != null && pattern.matcher(text).find();
    }

    /**
     * {@code failure} with no secret in any message of its cause chain, nor in a {@link PixazoException}'s gateway
     * words: the same object when nothing had to change; a {@link PixazoException} is redacted in place (its type and
     * fields stay); any other throwable whose message reveals a secret becomes a {@link PixazoException} saying what
     * it was, whose cause is a redacted copy.
     */
    public Throwable redact(Throwable failure) {
        if (failure == null || pattern == null || !revealsAnywhere(failure, 0)) {
            return failure;
        }
        if (failure instanceof PixazoException pixazo) {
            return pixazo.redactWith(this);
        }
        RedactedThrowable copy = copy(failure, 0);
        return new PixazoException(copy.toString(), copy);
    }

    /** {@link #redact(Throwable)} for a failure known to be a {@link PixazoException}. */
    public PixazoException redact(PixazoException failure) {
        return failure == null || pattern == null || !revealsAnywhere(failure, 0) ? failure
                : failure.redactWith(this);
    }

    /** A copy of {@code cause} and its causes with redacted messages, or null; used by {@link PixazoException}. */
    Throwable redactedCause(Throwable cause) {
        if (cause == null || !revealsAnywhere(cause, 0)) {
            return cause;
        }
        if (cause instanceof PixazoException pixazo) {
            return pixazo.redactWith(this);
        }
        return copy(cause, 0);
    }

    private boolean revealsAnywhere(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (reveals(t.getMessage())) {
                return true;
            }
            if (t instanceof PixazoException pixazo
                && (reveals(pixazo.getGatewayError()) || reveals(pixazo.getGatewayMessage()))) {
                return true;
            }
        }
        return false;
    }

    private RedactedThrowable copy(Throwable original, int depth) {
        Throwable cause = original.getCause();
        Throwable redactedCause = cause == null || depth > 32 ? null
                : cause instanceof PixazoException pixazo ? redact(pixazo) : copy(cause, depth + 1);
        RedactedThrowable copy = new RedactedThrowable(original.getClass().getName(),
                redact(original.getMessage()), redactedCause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "SecretRedactor[" + secrets.size() + " secret(s)]";
    }

    /** Each character as sent or escaped as JSON, URL-encoded (once or twice) or as an HTML reference. */
    private static String escapedForms(String secret) {
        StringBuilder regex = new StringBuilder();
        for (char c : secret.toCharArray()) {
            String hex2 = hexDigits(String.format(Locale.ROOT, "%02x", (int) c & 0xff));
            String hex4 = hexDigits(String.format(Locale.ROOT, "%04x", (int) c));
            regex.append("(?:").append(Pattern.quote(String.valueOf(c)));
            regex.append("|\\\\u").append(hex4);
            if (c < 0x80) {
                regex.append("|%").append(hex2).append("|%25").append(hex2);
            }
            regex.append("|&#0*").append((int) c).append(";|&#[xX]0*").append(hexDigits(Integer.toHexString(c)))
                    .append(';');
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (entity != null) {
                regex.append('|').append(entity);
            }
            if (c == '/' || c == '"' || c == '\\') {
                regex.append("|\\\\").append(Pattern.quote(String.valueOf(c)));
            }
            regex.append(')');
        }
        return regex.toString();
    }

    /** Hex digits matched in either letter case. */
    private static String hexDigits(String hex) {
        StringBuilder out = new StringBuilder();
        for (char d : hex.toCharArray()) {
            out.append(Character.isLetter(d) ? "[" + Character.toLowerCase(d) + Character.toUpperCase(d) + "]" : d);
        }
        return out.toString();
    }

    /**
     * The base64 text of the secret at each of the three alignments it can have inside a longer encoded text: the
     * characters that depend on the secret's bytes only (those touching a neighbour's bits are left out), in the
     * standard and the URL-safe alphabet.
     */
    private static List<String> base64Forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // the first character free of the filler bytes, and the last one free of what may follow
            int start = offset == 0 ? 0 : offset == 1 ? 2 : 3;
            int end = ((offset + bytes.length) / 3) * 4;
            if (end - start < 8) {
                continue;
            }
            String core = encoded.substring(start, end);
            forms.add(Pattern.quote(core));
            String urlSafe = core.replace('+', '-').replace('/', '_');
            if (!urlSafe.equals(core)) {
                forms.add(Pattern.quote(urlSafe));
            }
        }
        return forms;
    }

    private static String hexForm(String secret) {
        StringBuilder hex = new StringBuilder();
        for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return hexDigits(hex.toString());
    }

    /** A copy of a throwable whose message revealed a secret: its class name, redacted message and stack trace. */
    static final class RedactedThrowable extends RuntimeException {

        private final String originalClass;

        RedactedThrowable(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        /** The class of the throwable this copies. */
        public String getOriginalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return originalClass + " (redacted)" + (message != null ? ": " + message : "");
        }
    }
}
