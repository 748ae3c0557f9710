package io.github.camelpixazo.producer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.error.UserText;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per kind of bad input that used to reach the gateway (issue 10 §6): each input of the kind is rejected
 * with a {@link PixazoValidationException} that names the option and quotes the value as the user gave it, and the
 * gateway receives nothing. docs/reliability.adoc lists these kinds.
 */
class BadInputTest extends PixazoTestSupport {

    private static final byte[] PNG = TestImages.png(64, 48);
    private static final String EDIT = "pixazo:edit?prompt=Make it blue";

    @TempDir
    Path dir;

    @AfterEach
    void nothingReachedTheGateway() {
        assertEquals(0, gateway.apiRequests().size(), "requests that reached the gateway");
        assertEquals(0, gateway.mediaRequests().size(), "requests that reached the media host");
    }

    @Test
    void uriTextThatCamelWouldConvertToAnotherValue() {
        // Camel reads each of these as another value (0, 0 ms, an overflowed int, one minute): quoted as written
        assertRejectedEndpoint("pixazo:generate?n=abc", "n", "abc", "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?n=2.0", "n", "2.0", "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?n=99999999999", "n", "99999999999", "too large");
        assertRejectedEndpoint("pixazo:generate?outputCompression=1.5&format=jpeg", "outputCompression", "1.5",
                "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?maxRetries=abc", "maxRetries", "abc", "must be a whole number");
        assertRejectedEndpoint("pixazo:generate?pollInterval=-1s", "pollInterval", "-1s", "must not be negative");
        assertRejectedEndpoint("pixazo:generate?retryDelay=-5s", "retryDelay", "-5s", "must not be negative");
        assertRejectedEndpoint("pixazo:generate?pollInterval=abc", "pollInterval", "abc", "not a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=5S", "jobTimeout", "5S", "not a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=1m30", "jobTimeout", "1m30", "not a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=PT5X", "jobTimeout", "PT5X", "not an ISO-8601 duration");
        assertRejectedEndpoint("pixazo:generate?pollBackoffMultiplier=abc", "pollBackoffMultiplier", "abc",
                "must be a decimal number");
        assertRejectedEndpoint("pixazo:generate?download=maybe", "download", "maybe", "must be true or false");
    }

    /** Camel decodes '+' (and %2B) in a URI to a space before the component sees it: quote the URI, say why. */
    @Test
    void aPlusInAUriIsQuotedAsWrittenAndExplained() {
        for (String uri : new String[] {"pixazo:generate?n=+2", "pixazo:generate?n=%2B2"}) {
            assertRejectedEndpoint(uri, "n", "+2", "must be a whole number");
            assertRejectedEndpoint(uri, "n", "+2", "Camel reads '+' (also written %2B) as a space");
            assertRejectedEndpoint(uri, "n", "+2", "write n=2.");
        }
        assertRejectedEndpoint("pixazo:generate?jobTimeout=1m+30s", "jobTimeout", "1m+30s", "write jobTimeout=1m30s");
        // RAW keeps the '+', but Camel does not read +2 as 2 either
        assertRejectedEndpoint("pixazo:generate?n=RAW(+2)", "n", "+2", "must be a whole number, e.g. n=2.");
    }

    /** Durations too long for Camel's conversion or for the time arithmetic: refused at start, naming the option. */
    @Test
    void absurdDurationsAreRefusedAtStartNamingTheOption() {
        assertRejectedEndpoint("pixazo:generate?jobTimeout=PT2562047788015215H", "jobTimeout", "PT2562047788015215H",
                "too long a duration");
        assertRejectedEndpoint("pixazo:generate?jobTimeout=9223372036854775807", "jobTimeout", "9223372036854775807",
                "must be at most 7d");
        assertRejectedEndpoint("pixazo:generate?pollInterval=8d&maxPollInterval=9d", "pollInterval", "8d",
                "must be at most 7d");
        assertRejectedEndpoint("pixazo:generate?readTimeout=P30D", "readTimeout", "P30D", "must be at most 7d");
        assertRejectedEndpoint("pixazo:generate?maxRetryDelay=999999999999", "maxRetryDelay", "999999999999",
                "must be at most 7d");
        // the longest allowed works
        assertEquals(7L * 24 * 3600 * 1000, context.getEndpoint("pixazo:generate?jobTimeout=7d",
                io.github.camelpixazo.PixazoEndpoint.class).getConfiguration().getJobTimeout());
    }

    @Test
    void optionRepeatedInTheUri() {
        // Camel collects a repeated parameter into a list, which used to be quoted as '[high, high]'
        assertRejectedEndpoint("pixazo:generate?quality=high&quality=high", "quality", null, "gives it 2 times");
        assertRejectedEndpoint("pixazo:generate?n=1&n=2&n=3", "n", null, "gives it 3 times");
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("pixazo:generate?apiKey=secret-one&apiKey=secret-two").createProducer());
        assertRejection(causeOf(e), "repeated apiKey", "apiKey", null, "gives it 2 times");
        assertTrue(!causeOf(e).getMessage().contains("secret-"), causeOf(e).getMessage());
    }

    @Test
    void rangeMessagesQuoteTheTextAsWritten() {
        assertRejectedEndpoint("pixazo:generate?pollInterval=-1", "pollInterval", "-1", "must be positive");
        assertRejectedEndpoint("pixazo:generate?pollInterval=1h30m&maxPollInterval=20000", "maxPollInterval", "20000",
                "must not be shorter than pollInterval (1h30m)");
        assertRejectedEndpoint("pixazo:generate?maxRetries=0101", "maxRetries", "0101", "between 0 and 100");
        assertRejectedEndpoint("pixazo:generate?pollBackoffMultiplier=0.50", "pollBackoffMultiplier", "0.50",
                "between 1");
        assertRejectedEndpoint("pixazo:generate?n=011", "n", "011", "between 1 and 10");
        assertRejectedEndpoint("pixazo:generate?size=1000 X 1000", "size", "1000 X 1000", "multiples of 16");
        assertRejectedEndpoint("pixazo:generate?background=Transparent", "background", "Transparent",
                "gpt-image-2 does not support transparent");
        assertRejectedEndpoint("pixazo:generate?model=GPT_IMAGE_1_5&moderation=low", "moderation", "low",
                "Pixazo documents no moderation");
        // headers: a Long beyond int range used to wrap (2^40 became 0), a fraction was cut to a whole number
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.N, 1L << 40), "n", "1099511627776",
                "whole number");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.N, 2.5), "n", "2.5", "whole number");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.SIZE, "1536 × 1000"), "size",
                "1536 × 1000", "multiples of 16");
    }

    @Test
    void promptWithNoVisibleCharacter() {
        // controls only, zero-width and format characters, bidi controls, unusual spaces, lone combining marks,
        // Hangul fillers and the blank Braille pattern: not blank to String.isBlank(), yet nothing to see
        assertRejectedPrompt("\u0000\u0007\u001b", "\\u0000\\u0007\\u001B", "has no visible character");
        assertRejectedPrompt("\u200b\u200c\u200d\u2060\ufeff", "\\u200B\\u200C\\u200D\\u2060\\uFEFF",
                "has no visible character");
        assertRejectedPrompt("\u200e\u202e\u2066 \u2069", "\\u200E\\u202E\\u2066 \\u2069", "has no visible character");
        assertRejectedPrompt("\u00a0\u3000", "\\u00A0\\u3000", "has no visible character");
        assertRejectedPrompt("\u0301\u0308", "\\u0301\\u0308", "has no visible character");
        assertRejectedPrompt("\u3164\u2800", "\\u3164\\u2800", "has no visible character");
        // the same through the header and the endpoint option
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.PROMPT, "\u200b"), "prompt", "\\u200B",
                "has no visible character");
        assertRejectedEndpoint("pixazo:generate?prompt=%E2%80%8B", "prompt", "\\u200B", "has no visible character");
    }

    @Test
    void promptWithControlCharacters() {
        assertRejectedPrompt("a cat\u0000", "a cat\\u0000", "control character U+0000 at character 6");
        assertRejectedPrompt("\u0093smart quotes\u0094", "\\u0093smart quotes\\u0094", "windows-1252");
        assertRejectedPrompt("a \u001b[31mred\u001b[0m cat", "a \\u001B[31mred\\u001B[0m cat", "U+001B");
    }

    @Test
    void promptThatIsNotValidUnicode() {
        assertRejectedPrompt("a smiling cat \ud83d", "a smiling cat \\uD83D", "unpaired UTF-16 surrogate U+D83D");
        assertRejectedPrompt("caf\ufffd au lait", "caf\\uFFFD au lait", "the replacement character");
    }

    @Test
    void promptLongerThanTheModelAccepts() {
        String prompt = "a".repeat(32_001);
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:generate", prompt));
        assertRejection(e, "32,001 characters", "prompt", "a".repeat(117) + "...",
                "is 32,001 characters long; at most 32,000 are accepted (Pixazo documents no limit;");
        assertRejectedMessage("pixazo:generate?model=gpt-image-1.5", "a cat",
                Map.of(PixazoConstants.PROMPT, "\ud83d\ude00".repeat(32_001)), "prompt", "\ud83d\ude00".repeat(117) + "...",
                "is 32,001 characters long");
    }

    @Test
    void binaryBodyUsedAsPrompt() throws Exception {
        byte[] png = TestImages.png(8, 8);
        assertRejectedPrompt(png, UserText.quote(png), "the message body is not text in charset UTF-8: the bytes at"
                + " offset 0 (89 50 4e 47) are not valid UTF-8. It looks like a PNG image: to send an image, use"
                + " pixazo:edit");
        byte[] binary = { 'a', ' ', 'c', 'a', 't', (byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF };
        assertRejectedPrompt(new ByteArrayInputStream(binary), UserText.quote(binary),
                "the bytes at offset 5 (c3 28 00 ff) are not valid UTF-8");
        Path file = dir.resolve("photo.txt");
        Files.write(file, TestImages.jpeg(8, 8));
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:generate", file.toFile()));
        assertEquals("prompt", e.getOption());
        assertTrue(e.getMessage().contains("the message body (photo.txt) is not text in charset UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("It looks like a JPEG image"), e.getMessage());
        // Latin-1 bytes read as UTF-8: the charset is named in the message, with how to choose another
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertRejectedPrompt(latin1, UserText.quote(latin1), "name it in the header or exchange property"
                + " CamelCharsetName");
        // a header of bytes is decoded the same way
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.PROMPT, png), "prompt",
                UserText.quote(png), "header CamelPixazoPrompt is not text in charset UTF-8");
        // a UTF-8 byte-order mark in a body declared ISO-8859-1 would send "\u00ef\u00bb\u00bf" as text
        byte[] utf8WithBom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ' ', 'c', 'a', 't' };
        assertRejectedMessage("pixazo:generate", utf8WithBom, Map.of(Exchange.CHARSET_NAME, "ISO-8859-1"), "prompt",
                UserText.quote(utf8WithBom), "starts with a UTF-8 byte-order mark but is decoded as ISO-8859-1");
    }

    @Test
    void promptBodyLongerThanAnyAcceptedPromptIsNotRead() throws Exception {
        Path big = dir.resolve("ten-megabytes.txt");
        Files.write(big, "a".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        assertRejectedPrompt(big.toFile(), "the message body (ten-megabytes.txt) (more than 192,004 bytes)",
                "holds more bytes than any text of 32,000 characters takes in UTF-8");
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertRejectedPrompt(endless, "the message body (more than 192,004 bytes)", "it was not read further");
    }

    @Test
    void bodyThatCarriesNoTextUsedAsPrompt() {
        assertRejectedPrompt(Map.of("prompt", "a cat"), "java.util.ImmutableCollections$Map1",
                "the message body is not text: send a String, bytes, a stream or a file. To take the prompt from a"
                + " field of this body, put it in the header CamelPixazoPrompt first");
        assertRejectedPrompt(List.of("a cat"), "java.util.ImmutableCollections$List12", "is not text");
        assertRejectedPrompt(new Object(), "java.lang.Object", "is not text");
        assertRejectedPrompt(42, "java.lang.Integer", "is not text");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.PROMPT, Map.of("text", "a cat")),
                "prompt", "java.util.ImmutableCollections$Map1", "header CamelPixazoPrompt is not text");
    }

    @Test
    void requestIdNotOfTheGatewaysForm() {
        assertRejectedStatus("42", "42", "is not a Pixazo request id, which has the form <model id>_<UUID>");
        assertRejectedStatus(Map.of(PixazoConstants.REQUEST_ID, 42), "42", "is not a Pixazo request id");
        assertRejectedStatus("gpt-image-2_ok", "gpt-image-2_ok", "is not a Pixazo request id");
        assertRejectedStatus("gpt-image-2_019d0000-0000-0000-0000-00000000000", "gpt-image-2_019d0000-0000-0000-0000-00000000000",
                "is not a Pixazo request id");
        assertRejectedStatus("../../admin?x=1", "../../admin?x=1", "is not a Pixazo request id");
        assertRejectedStatus((Object) null, null, "a request id is required");
    }

    @Test
    void headerOfTheWrongType() {
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.N, true), "n", "true", "whole number");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.SIZE, 1024), "size", "1024",
                "expected 'auto' or WIDTHxHEIGHT");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.QUALITY, 3), "quality", "3",
                "allowed values are low, medium, high, auto");
        assertRejectedMessage(EDIT, PNG, Map.of(PixazoConstants.MASK, 5), "mask", "java.lang.Integer",
                "cannot read an image from header CamelPixazoMask of this type");
        assertRejectedMessage(EDIT, PNG, Map.of(PixazoConstants.MASK, Map.of("png", "x")), "mask",
                "java.util.ImmutableCollections$Map1", "cannot read an image from header CamelPixazoMask");
    }

    @Test
    void blankOptionHeader() {
        // read as "not set", it silently dropped the endpoint's option (quality=high became the gateway's auto)
        assertRejectedMessage("pixazo:generate?quality=high", "a cat", Map.of(PixazoConstants.QUALITY, ""), "quality",
                "", "the header CamelPixazoQuality is blank");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.OUTPUT_COMPRESSION, " "),
                "outputCompression", " ", "the header CamelPixazoOutputCompression is blank");
        assertRejectedMessage("pixazo:generate", "a cat", Map.of(PixazoConstants.N, "\t"), "n", "\\t",
                "the header CamelPixazoN is blank");
    }

    @Test
    void charsetNameTheJvmDoesNotKnow() {
        assertRejectedMessage("pixazo:generate", "a cat".getBytes(StandardCharsets.UTF_8),
                Map.of(Exchange.CHARSET_NAME, "UTF-9"), Exchange.CHARSET_NAME, "UTF-9",
                "is not a charset this JVM knows");
    }

    @Test
    void editImageListThatIsEmptyHasANullOrHasTooMany() {
        assertRejectedMessage(EDIT, List.of(), Map.of(), "image", null, "edit needs at least one input image");
        assertRejectedMessage(EDIT, Arrays.asList(PNG, null), Map.of(), "image", null, "body[1] is null; expected an"
                + " image");
        assertRejectedMessage(EDIT, Collections.nCopies(17, PNG), Map.of(), "image", "17 images",
                "one edit combines at most 16 input images");
    }

    @Test
    void editImageThatIsCutOff() {
        byte[] png = TestImages.png(64, 48);
        assertRejectedMessage(EDIT, Arrays.copyOf(png, 20), Map.of(), "image", "body",
                "starts like a PNG image of 20 bytes but is cut off after 20 bytes");
        assertRejectedMessage(EDIT, Arrays.copyOf(png, png.length - 12), Map.of(), "image", "body",
                "every PNG ends with an IEND chunk");
        byte[] jpeg = TestImages.jpeg(64, 48);
        assertRejectedMessage(EDIT, Arrays.copyOf(jpeg, jpeg.length - 2), Map.of(), "image", "body",
                "the end-of-image marker FFD9 that ends every JPEG");
        byte[] webp = TestImages.webpHeader(64, 48);
        webp[4] += 100;
        assertRejectedMessage(EDIT, webp, Map.of(), "image", "body", "expected the 130 bytes its RIFF size declares");
        assertRejectedMessage(EDIT, List.of(png, Arrays.copyOf(png, 40)), Map.of(), "image", "body[1]", "is cut off");
        assertRejectedMessage(EDIT, png, Map.of(PixazoConstants.MASK, Arrays.copyOf(TestImages.png(64, 48), 33)),
                "mask", "header CamelPixazoMask", "is cut off");
        byte[] noDimensions = Arrays.copyOf(png, png.length);
        noDimensions[16] = 0; // width 0 in IHDR
        noDimensions[17] = 0;
        noDimensions[18] = 0;
        noDimensions[19] = 0;
        assertRejectedMessage(EDIT, noDimensions, Map.of(), "image", "body", "its header gives no width and height");
    }

    /**
     * A named pipe nobody writes blocked the caller's thread forever when it was the prompt file, the edit image or
     * the mask; a device never ends. Local files must be regular files, checked before they are opened.
     */
    @Test
    void localFilesThatAreNotRegularFilesAreRefusedBeforeTheyAreOpened() throws Exception {
        Path fifo = dir.resolve("prompt.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("a-folder"));
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            assertRejectedMessage("pixazo:generate", fifo.toFile(), Map.of(), "prompt", "the message body (prompt.fifo)",
                    "is not a regular file (a named pipe");
            assertRejectedMessage("pixazo:generate", fifo, Map.of(), "prompt", "the message body (prompt.fifo)",
                    "is not a regular file");
            assertRejectedMessage(EDIT, fifo.toFile(), Map.of(), "image", "body", "is not a regular file");
            assertRejectedMessage(EDIT, PNG, Map.of(PixazoConstants.MASK, fifo.toFile()), "mask",
                    "header CamelPixazoMask", "is not a regular file");
            assertRejectedMessage(EDIT, folder, Map.of(), "image", "body", "is a directory");
            assertRejectedMessage(EDIT, Path.of("/dev/zero"), Map.of(), "image", "body", "is not a regular file");
            assertRejectedEndpoint("pixazo:edit?prompt=x&mask=file:" + fifo, "mask", "mask option",
                    "is not a regular file");
        });
    }

    @Test
    void editImageTheGatewayCannotFetchOrThatIsAPath() {
        assertRejectedMessage(EDIT, "https://localhost/cat.png", Map.of(), "image", "https://localhost/cat.png",
                "cannot reach localhost, a loopback or private address");
        assertRejectedMessage(EDIT, "https://192.168.1.20/cat.png", Map.of(), "image", "https://192.168.1.20/cat.png",
                "cannot reach 192.168.1.20");
        assertRejectedMessage(EDIT, "/home/me/cat.png", Map.of(), "image", "/home/me/cat.png",
                "this looks like a file path: to send that file, make it a File");
    }

    /**
     * Hosts that denote this machine or a private network in another spelling, and URLs carrying credentials, were
     * accepted and sent to the gateway (UrlHostTest covers every form; these go through the route).
     */
    @Test
    void imageAndWebhookUrlsAreJudgedByTheirAddressAndCarryNoCredentials() {
        for (String url : new String[] {"https://0.0.0.0/cat.png", "https://2130706433/cat.png",
                "https://[::ffff:127.0.0.1]/cat.png", "https://localhost./cat.png", "https://0x7f000001/cat.png",
                "https://100.64.1.1/cat.png", "https://169.254.169.254/latest/meta-data"}) {
            assertRejectedMessage(EDIT, url, Map.of(), "image", url, "a loopback or private address");
        }
        assertRejectedMessage(EDIT, "https://user:secret@cdn.example/cat.png", Map.of(), "image",
                "https://user:secret@cdn.example/cat.png", "contains user info");
        assertRejectedEndpoint("pixazo:generate?webhookUrl=https://user:secret@hooks.example/h", "webhookUrl",
                "https://user:secret@hooks.example/h", "contains user info");
        // http to this machine for local tests, in any spelling of loopback; never to a name that only looks like it
        for (String loopback : new String[] {"http://LOCALHOST.:9/hook", "http://[::ffff:127.0.0.1]:9/hook",
                "http://2130706433:9/hook"}) {
            context.getEndpoint("pixazo:generate?webhookAllowHttpLoopback=true&webhookUrl=" + loopback);
        }
        assertRejectedEndpoint("pixazo:generate?webhookAllowHttpLoopback=true&webhookUrl=http://0.0.0.0:9/hook",
                "webhookUrl", "http://0.0.0.0:9/hook", "plain http is allowed for loopback hosts only");
    }

    // --- helpers ---

    private void assertRejectedStatus(Object body, String quoted, String problem) {
        assertRejectedMessage("pixazo:status", body, Map.of(), "requestId", quoted, problem);
    }

    private void assertRejectedStatus(Map<String, Object> headers, String quoted, String problem) {
        assertRejectedMessage("pixazo:status", null, headers, "requestId", quoted, problem);
    }

    private void assertRejectedPrompt(Object prompt, String quoted, String problem) {
        assertRejectedMessage("pixazo:generate", prompt, Map.of(), "prompt", quoted, problem);
    }

    private void assertRejectedEndpoint(String uri, String option, String quoted, String problem) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri).createProducer(), uri);
        assertRejection(causeOf(e), uri, option, quoted, problem);
    }

    private void assertRejectedMessage(String uri, Object body, Map<String, Object> headers, String option,
                                       String quoted, String problem) {
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBodyAndHeaders(uri, body, new HashMap<>(headers)));
        assertRejection(e, uri + " " + headers, option, quoted, problem);
    }

    private static void assertRejection(PixazoValidationException e, String input, String option, String quoted,
                                        String problem) {
        assertNotNull(e, "no PixazoValidationException for " + input);
        assertEquals(option, e.getOption(), e.getMessage());
        String start = "Invalid option '" + option + "'" + (quoted != null ? " = '" + quoted + "'" : "") + ": ";
        assertTrue(e.getMessage().startsWith(start), () -> "expected '" + start + "' to start: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
    }

    private static PixazoValidationException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PixazoValidationException validation) {
                return validation;
            }
        }
        return null;
    }
}
