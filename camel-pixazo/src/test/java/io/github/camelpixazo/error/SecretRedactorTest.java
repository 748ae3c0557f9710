package io.github.camelpixazo.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every form an echoed key can take is removed (D1): only the key as sent was, so a gateway or proxy that echoed it
 * JSON-escaped (PHP's {@code \/}), URL-encoded or base64'd put it into exception messages and logs.
 */
class SecretRedactorTest {

    /** Characters that JSON, URL and base64 encodings all change. */
    static final String KEY = "pz/Key+5f1d=9c0e&Live";

    private static final SecretRedactor REDACTOR = SecretRedactor.of(KEY);

    enum Encoding {
        AS_SENT(k -> k),
        JSON_SLASH_ESCAPED(k -> k.replace("/", "\\/")),
        JSON_UNICODE_ESCAPED(k -> k.chars().mapToObj(c -> String.format(Locale.ROOT, "\\u%04x", c))
                .reduce("", String::concat)),
        JSON_SOME_ESCAPED_UPPER_HEX(k -> k.replace("/", "\\u002F").replace("+", "\\u002B").replace("&", "\\u0026")),
        JSON_BY_JACKSON(k -> {
            try {
                return new ObjectMapper().writeValueAsString(k);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }),
        URL_ENCODED(k -> URLEncoder.encode(k, StandardCharsets.UTF_8)),
        URL_ENCODED_LOWER_HEX(k -> URLEncoder.encode(k, StandardCharsets.UTF_8).replace("%2F", "%2f")),
        URL_ENCODED_EVERY_CHARACTER(k -> k.chars().mapToObj(c -> String.format(Locale.ROOT, "%%%02X", c))
                .reduce("", String::concat)),
        URL_ENCODED_TWICE(k -> URLEncoder.encode(URLEncoder.encode(k, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)),
        HTML_REFERENCES(k -> k.replace("&", "&amp;").replace("/", "&#47;").replace("+", "&#x2B;")),
        BASE64(k -> Base64.getEncoder().encodeToString(k.getBytes(StandardCharsets.UTF_8))),
        BASE64_URL_SAFE(k -> Base64.getUrlEncoder().withoutPadding().encodeToString(k.getBytes(StandardCharsets.UTF_8))),
        BASE64_INSIDE_OFFSET_0(k -> "Basic " + base64("ab:" + k + "\n")),
        BASE64_INSIDE_OFFSET_1(k -> "Basic " + base64("abc:" + k)),
        BASE64_INSIDE_OFFSET_2(k -> "Basic " + base64("user:" + k + ":x")),
        HEX(k -> HexFormat.of().formatHex(k.getBytes(StandardCharsets.UTF_8))),
        HEX_UPPER(k -> HexFormat.of().withUpperCase().formatHex(k.getBytes(StandardCharsets.UTF_8)));

        final UnaryOperator<String> encode;

        Encoding(UnaryOperator<String> encode) {
            this.encode = encode;
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void everyFormOfTheKeyIsRemovedAndTheRestKept(Encoding encoding) {
        String form = encoding.encode.apply(KEY);
        String text = "{\"message\":\"Invalid key " + form + " for this subscription\"}";
        assertTrue(REDACTOR.reveals(text), form);

        String redacted = REDACTOR.redact(text);

        assertFalse(redacted.contains(form), redacted);
        assertFalse(REDACTOR.reveals(redacted), redacted);
        assertTrue(redacted.startsWith("{\"message\":\"Invalid key "), redacted);
        assertTrue(redacted.endsWith(" for this subscription\"}"), redacted);
        assertTrue(redacted.contains(SecretRedactor.MASK), redacted);
        // what a reader would decode from what is left holds no more than two characters of the key in a row
        assertFalse(redacted.contains(KEY.substring(0, 8)) || redacted.contains(KEY.substring(KEY.length() - 8)),
                redacted);
    }

    @Test
    void textWithoutTheKeyIsLeftAsItIs() {
        String text = "{\"error\":\"Unauthorized\",\"message\":\"Access denied due to invalid subscription key.\"}";
        assertFalse(REDACTOR.reveals(text));
        assertEquals(text, REDACTOR.redact(text));
        assertEquals(null, REDACTOR.redact((String) null));
        assertEquals("pz/Key", REDACTOR.redact("pz/Key"), "a part of the key is not the key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "short", "k" })
    void aShortSecretIsRemovedAsSentOnly(String secret) {
        SecretRedactor redactor = SecretRedactor.of(secret);
        assertEquals("a xxxxxx b", redactor.redact("a " + secret + " b"));
        String base64 = base64(secret);
        assertEquals(base64, redactor.redact(base64), "too short to judge in encoded forms");
    }

    @Test
    void noSecretChangesNothing() {
        assertTrue(SecretRedactor.of((String) null, "").isEmpty());
        assertEquals("a " + KEY, SecretRedactor.none().redact("a " + KEY));
        RuntimeException e = new RuntimeException(KEY);
        assertSame(e, SecretRedactor.none().redact(e));
    }

    /** A parser's message quoting the body, as the cause of a typed failure: the whole printed chain is clean. */
    @Test
    void aFailureChainIsRedactedWhereverTheKeyIsQuoted() {
        Exception parser = new IllegalStateException("Unrecognized token '" + KEY.replace("/", "\\/") + "'",
                new java.io.IOException("inner " + URLEncoder.encode(KEY, StandardCharsets.UTF_8)));
        PixazoException typed = new PixazoMalformedResponseException("Key " + KEY + " refused", 401, null, parser);
        PixazoException withWords = new PixazoException("Refused", 401, "Unauthorized", "Invalid key " + base64(KEY),
                null, null);
        assertFalse(REDACTOR.reveals(REDACTOR.redact(withWords).getGatewayMessage()));

        Throwable redacted = REDACTOR.redact((Throwable) typed);

        assertSame(typed, redacted, "a typed failure keeps its type and fields");
        assertEquals(401, typed.getHttpStatus());
        String printed = printed(redacted);
        assertFalse(REDACTOR.reveals(printed), printed);
        assertFalse(REDACTOR.reveals(typed.getGatewayMessage()), typed.getGatewayMessage());
        assertTrue(printed.contains("java.lang.IllegalStateException (redacted): Unrecognized token 'xxxxxx'"), printed);
        assertTrue(printed.contains("java.io.IOException (redacted): inner xxxxxx"), printed);
        assertTrue(printed.contains("at " + SecretRedactorTest.class.getName()), "the stack traces are kept: " + printed);
    }

    @Test
    void aForeignFailureRevealingTheKeyBecomesATypedOneWithARedactedCause() {
        IllegalArgumentException jdk = new IllegalArgumentException("invalid header value: \"" + KEY + "\"");

        Throwable redacted = REDACTOR.redact(jdk);

        PixazoException typed = assertInstanceOf(PixazoException.class, redacted);
        assertFalse(REDACTOR.reveals(printed(typed)), printed(typed));
        assertTrue(typed.getMessage().contains("IllegalArgumentException"), typed.getMessage());
        IllegalArgumentException clean = new IllegalArgumentException("nothing secret");
        assertSame(clean, REDACTOR.redact(clean));
    }

    @Test
    void neverPrintsItsSecrets() {
        assertFalse(REDACTOR.toString().contains(KEY));
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
