package io.github.camelpixazo.producer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text from bodies (issue 10 §7): each body type that carries bytes is decoded in the exchange's charset
 * (CamelCharsetName, else UTF-8) with its byte-order mark removed, so the gateway receives exactly the prompt.
 */
class PromptTextTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000b0b0b";
    private static final String PROMPT = "Ein Caf\u00e9 am Meer \u2615, im Stil von Hokusai";
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final String URI = "pixazo:generate?waitForCompletion=false";

    @TempDir
    Path dir;

    @BeforeEach
    void stubTheGateway() {
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
    }

    @Test
    void byteArrayWithUtf8ByteOrderMark() throws Exception {
        assertSent(PROMPT, send(withBom(PROMPT)));
    }

    @Test
    void inputStreamWithUtf8ByteOrderMark() throws Exception {
        assertSent(PROMPT, send(new ByteArrayInputStream(withBom(PROMPT))));
    }

    @Test
    void fileWithUtf8ByteOrderMark() throws Exception {
        assertSent(PROMPT, send(write("prompt.txt", withBom(PROMPT)).toFile()));
    }

    @Test
    void pathWithUtf8ByteOrderMark() throws Exception {
        assertSent(PROMPT, send(write("prompt.txt", withBom(PROMPT))));
    }

    @Test
    void streamCacheWithUtf8ByteOrderMarkStaysReadable() throws Exception {
        InputStreamCache cache = new InputStreamCache(withBom(PROMPT));
        Exchange out = template.request("direct:keep-body", e -> e.getIn().setBody(cache));

        assertNull(out.getException());
        assertSent(PROMPT, sentPrompt());
        // the route read the cache back after the call (the submitted job is the body now, so it was saved first)
        StreamCache before = out.getProperty("bodyBefore", StreamCache.class);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        before.writeTo(again);
        assertEquals(new String(withBom(PROMPT), StandardCharsets.UTF_8), again.toString(StandardCharsets.UTF_8));
    }

    @Test
    void byteBufferAndReader() throws Exception {
        assertSent(PROMPT, send(ByteBuffer.wrap(withBom(PROMPT))));
        gateway.reset();
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
        assertSent(PROMPT, send(new StringReader("\ufeff" + PROMPT)));
    }

    @Test
    void stringThatKeptAByteOrderMark() throws Exception {
        // e.g. a file converted with convertBodyTo(String.class) upstream: Camel keeps the BOM as U+FEFF
        assertSent(PROMPT, send("\ufeff" + PROMPT));
    }

    @Test
    void genericFileOfAFileConsumer() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + in + "?initialDelay=0&delay=10").to(URI);
            }
        });
        write("in/poster.txt", withBom(PROMPT));

        assertTrue(done.matches(10, TimeUnit.SECONDS), "the file was not processed");
        assertSent(PROMPT, sentPrompt());
    }

    @Test
    void genericFileOfAFileConsumerWithACharset() throws Exception {
        Path in = Files.createDirectories(dir.resolve("latin1"));
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the file endpoint's charset option sets the exchange property CamelCharsetName
                from("file:" + in + "?initialDelay=0&delay=10&charset=ISO-8859-1").to(URI);
            }
        });
        write("latin1/poster.txt", "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));

        assertTrue(done.matches(10, TimeUnit.SECONDS), "the file was not processed");
        assertSent("Caf\u00e9 cr\u00e8me", sentPrompt());
    }

    @Test
    void genericFileWhoseContentIsItsBodyAsFromAnFtpConsumer() throws Exception {
        // an ftp: consumer's GenericFile holds the remote file (not a java.io.File) and the downloaded bytes as body
        GenericFile<String> remote = new GenericFile<>();
        remote.setFile("/outbox/poster.txt");
        remote.setFileName("poster.txt");
        remote.setBody(withBom(PROMPT));
        assertSent(PROMPT, send(remote));
    }

    @Test
    void iso88591NamedByTheExchangeProperty() throws Exception {
        byte[] latin1 = "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1);
        template.send(URI, e -> {
            e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
            e.getIn().setBody(latin1);
        });
        assertSent("Caf\u00e9 cr\u00e8me", sentPrompt());
    }

    @Test
    void utf16WithItsByteOrderMarkNamedByTheHeader() throws Exception {
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE")) {
            gateway.reset();
            gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
            byte[] bytes = ("\ufeff" + PROMPT).getBytes(Charset.forName(charset.equals("UTF-16") ? "UTF-16BE" : charset));
            template.sendBodyAndHeader(URI, bytes, Exchange.CHARSET_NAME, charset);
            assertSent(PROMPT, sentPrompt());
        }
    }

    @Test
    void theCharsetHeaderWinsOverTheProperty() throws Exception {
        byte[] latin1 = "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        template.send(URI, e -> {
            e.setProperty(Exchange.CHARSET_NAME, "UTF-8");
            e.getIn().setHeader(Exchange.CHARSET_NAME, "ISO-8859-1"); // as Camel's ExchangeHelper.getCharsetName
            e.getIn().setBody(latin1);
        });
        assertSent("Caf\u00e9", sentPrompt());
    }

    @Test
    void theHeaderPromptIsDecodedTheSameWay() throws Exception {
        template.sendBodyAndHeader(URI, "ignored", "CamelPixazoPrompt", withBom(PROMPT));
        assertSent(PROMPT, sentPrompt());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:keep-body").setProperty("bodyBefore", body()).to(URI);
            }
        };
    }

    // --- helpers ---

    private String send(Object body) throws Exception {
        Exchange out = template.send(URI, e -> e.getIn().setBody(body));
        if (out.getException() != null) {
            throw out.getException();
        }
        return sentPrompt();
    }

    private String sentPrompt() throws Exception {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> submits = gateway.submits(GatewayStub.GENERATE_2);
        assertEquals(1, submits.size(), "submits");
        return new ObjectMapper().readTree(submits.get(0).getBody()).path("prompt").asText();
    }

    private static void assertSent(String expected, String sent) {
        assertEquals(expected, sent);
        assertTrue(sent.isEmpty() || sent.charAt(0) != '\ufeff', "a byte-order mark was sent");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] withBom(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[UTF8_BOM.length + utf8.length];
        System.arraycopy(UTF8_BOM, 0, bytes, 0, UTF8_BOM.length);
        System.arraycopy(utf8, 0, bytes, UTF8_BOM.length, utf8.length);
        return bytes;
    }
}
