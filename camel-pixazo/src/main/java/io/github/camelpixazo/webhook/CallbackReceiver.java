package io.github.camelpixazo.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.error.PixazoValidationException;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the gateway's job callbacks on Camel's platform-http, at {@code <path>/{token}} (POST only), registered
 * programmatically through the endpoint URI {@code platform-http:...}: users who do not use webhooks need no
 * platform-http on their class path, and those who do add the platform-http they already know (camel-platform-http-main
 * for Camel Main, camel-platform-http-starter for Spring Boot), with its port, TLS and proxy settings.
 *
 * <p>Answers, decided by the body alone and never by whether the token is known (so a forger learns nothing):
 * <ul>
 * <li>413 for a body over {@link #MAX_BODY_BYTES} bytes, 400 for a body that is not a JSON object (the gateway never
 * sends either);</li>
 * <li>202 for everything else, at once: the callback is then handed to the {@link CallbackListener} on the
 * component's worker pool, never processed on the HTTP server's thread.</li>
 * </ul>
 */
public final class CallbackReceiver extends ServiceSupport {

    /** The largest callback body read: Pixazo's status document is well under 4 KB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * How long one callback request may take, body included (platform-http's {@code requestTimeout}, answered 503):
     * a gateway posts a few KB at once; a client that drips its body (slowloris) or never ends it is cut here instead
     * of holding a connection and a buffer for ever.
     */
    public static final long REQUEST_TIMEOUT_MILLIS = 10_000;

    /** The path parameter holding the job's secret. */
    static final String TOKEN = "token";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext context;
    private final String path;
    private final Executor executor;
    private final CallbackListener listener;
    private Consumer consumer;

    /**
     * @param path     the local path (from {@link WebhookTokens#receiverPath}); callbacks arrive on
     *                 {@code path/<token>}
     * @param executor where callbacks are handed to the listener (not the HTTP server's threads)
     */
    public CallbackReceiver(CamelContext context, String path, Executor executor, CallbackListener listener) {
        this.context = context;
        this.path = path;
        this.executor = executor;
        this.listener = listener;
    }

    /** The platform-http endpoint URI it registers. */
    public String endpointUri() {
        return "platform-http:" + (path.isEmpty() ? "" : path) + "/{" + TOKEN + "}?httpMethodRestrict=POST&requestTimeout="
               + REQUEST_TIMEOUT_MILLIS;
    }

    @Override
    protected void doStart() throws Exception {
        if (context.getComponent("platform-http", true, true) == null) {
            throw new PixazoValidationException("webhookUrl", null, "is set, so pixazo:jobs receives the gateway's"
                    + " callbacks on Camel's platform-http, which is not on the class path: add"
                    + " org.apache.camel:camel-platform-http-main (Camel Main, with camel.server.enabled=true) or"
                    + " org.apache.camel.springboot:camel-platform-http-starter (Spring Boot).");
        }
        Endpoint endpoint = context.getEndpoint(endpointUri());
        consumer = endpoint.createConsumer(this::receive);
        ServiceHelper.startService(consumer);
        LOG.info("Receiving pixazo job callbacks on platform-http at {}/<job secret> (POST)", path);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(consumer);
        consumer = null;
    }

    /** Runs on the HTTP server's thread: reads and checks the body, answers, hands off. */
    private void receive(Exchange exchange) {
        Message in = exchange.getMessage();
        String token = in.getHeader(TOKEN, String.class);
        byte[] body;
        try {
            body = readCapped(exchange);
        } catch (IOException e) {
            answer(exchange, 400, "unreadable body");
            return;
        }
        if (body == null) {
            answer(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        if (!isJsonObject(body)) {
            answer(exchange, 400, "body is not a JSON object");
            return;
        }
        answer(exchange, 202, "");
        try {
            executor.execute(() -> {
                try {
                    listener.onCallback(token, body);
                } catch (Throwable e) {
                    LOG.warn("A pixazo job callback could not be handled; polling will find the job", e);
                }
            });
        } catch (RuntimeException refused) {
            LOG.warn("A pixazo job callback was dropped ({}); polling will find the job", refused.toString());
        }
    }

    /** The body, or null when it is larger than the cap. */
    private static byte[] readCapped(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > MAX_BODY_BYTES) {
            return null;
        }
        InputStream stream = in.getBody(InputStream.class);
        if (stream == null) {
            return new byte[0];
        }
        try (stream) {
            byte[] read = stream.readNBytes(MAX_BODY_BYTES + 1);
            return read.length > MAX_BODY_BYTES ? null : read;
        }
    }

    private static boolean isJsonObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static void answer(Exchange exchange, int status, String text) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        out.setBody(text);
    }
}
