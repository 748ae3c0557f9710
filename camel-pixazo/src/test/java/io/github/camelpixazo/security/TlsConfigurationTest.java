package io.github.camelpixazo.security;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509ExtendedTrustManager;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS is configured the Camel way, through SSLContextParameters on the component or the Camel context's global ones,
 * and the JDK client really uses it: against an https gateway with a certificate the JVM does not trust, the call
 * fails without them and succeeds with parameters whose trust manager accepts it.
 */
class TlsConfigurationTest {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-000000000715";
    private static GatewayStub gateway;

    @BeforeAll
    static void startHttpsGateway() {
        gateway = new GatewayStub(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** Trusts WireMock's self-signed certificate (and, as an X509ExtendedTrustManager, skips the host name check). */
    private static SSLContextParameters trustingTheGateway() {
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        });
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private static Exchange generate(SSLContextParameters onComponent, SSLContextParameters global) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            if (global != null) {
                context.setSSLContextParameters(global);
            }
            PixazoComponent pixazo = new PixazoComponent();
            pixazo.getConfiguration().setBaseUrl("https://127.0.0.1:" + gateway.api().httpsPort());
            pixazo.getConfiguration().setApiKey(GatewayStub.KEY);
            pixazo.getConfiguration().setPollInterval(20);
            pixazo.getConfiguration().setMaxRetries(0);
            pixazo.setSslContextParameters(onComponent);
            pixazo.setUseGlobalSslContextParameters(global != null);
            context.addComponent("pixazo", pixazo);
            context.start();
            return context.createProducerTemplate().request("pixazo:generate", e -> e.getIn().setBody("A prompt"));
        }
    }

    @Test
    void anUntrustedGatewayIsRefusedWithoutSslContextParameters() throws Exception {
        Exchange out = generate(null, null);

        PixazoException e = assertInstanceOf(PixazoException.class, out.getException());
        Throwable cause = e;
        while (cause != null && !(cause instanceof SSLHandshakeException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof SSLHandshakeException, "a TLS handshake failure: " + e);
    }

    @Test
    void theComponentsSslContextParametersAreUsed() throws Exception {
        Exchange out = generate(trustingTheGateway(), null);

        assertNull(out.getException(), () -> "generate: " + out.getException());
        assertTrue(gateway.submits(GENERATE_2).stream().anyMatch(r -> r.getAbsoluteUrl().startsWith("https://")));
    }

    @Test
    void theCamelContextsGlobalSslContextParametersAreUsedWhenAskedFor() throws Exception {
        Exchange out = generate(null, trustingTheGateway());

        assertNull(out.getException(), () -> "generate: " + out.getException());
    }
}
