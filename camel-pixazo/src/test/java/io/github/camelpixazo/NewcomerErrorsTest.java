package io.github.camelpixazo;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first mistakes a new user makes, each answered with what to do rather than a generic text, in the DSL the user
 * wrote it in. Nothing reaches the gateway in any of them.
 */
class NewcomerErrorsTest extends PixazoTestSupport {

    @TempDir
    Path dir;

    @Test
    void aMisspeltOptionInAJavaRouteSuggestsTheOption() {
        PixazoValidationException e = rejected("pixazo:generate?sise=1024x1024");

        assertEquals("sise", e.getOption());
        assertTrue(e.getMessage().contains("pixazo endpoints have no option 'sise'. Did you mean 'size'?"),
                e.getMessage());
        assertTrue(gateway.apiRequests().isEmpty());
    }

    @Test
    void aMisspeltOptionInAYamlRouteSuggestsTheOption() throws Exception {
        Path routes = dir.resolve("misspelt.camel.yaml");
        Files.writeString(routes, """
                - route:
                    from:
                      uri: direct:start
                      steps:
                        - to:
                            uri: pixazo:generate
                            parameters:
                              sise: 1024x1024
                """);

        Throwable e = startFails(routes);

        assertTrue(messages(e).contains("Did you mean 'size'?"), messages(e));
        assertTrue(gateway.apiRequests().isEmpty());
    }

    @Test
    void aMisspeltOptionInAnXmlRouteSuggestsTheOption() throws Exception {
        Path routes = dir.resolve("misspelt.camel.xml");
        Files.writeString(routes, """
                <camel>
                    <route>
                        <from uri="direct:start"/>
                        <to uri="pixazo:generate?qualty=high"/>
                    </route>
                </camel>
                """);

        Throwable e = startFails(routes);

        assertTrue(messages(e).contains("Did you mean 'quality'?"), messages(e));
    }

    @Test
    void aComponentOptionOnAnEndpointSaysWhereItBelongs() {
        PixazoValidationException e = rejected("pixazo:generate?proxyHost=proxy.example");

        assertTrue(e.getMessage().contains("proxyHost is an option of the component, not of an endpoint"),
                e.getMessage());
        assertTrue(e.getMessage().contains("camel.component.pixazo.proxyHost"), e.getMessage());
    }

    @Test
    void aHeaderNameUsedAsAnOptionSuggestsTheOption() {
        PixazoValidationException e = rejected("pixazo:generate?CamelPixazoSize=1024x1024");

        assertTrue(e.getMessage().contains("Did you mean 'size'?"), e.getMessage());
    }

    @Test
    void anUnknownOptionWithNothingCloseListsTheOptions() {
        PixazoValidationException e = rejected("pixazo:generate?style=vivid&sise=1024x1024");

        assertTrue(e.getMessage().contains("no option 'style'. The options are: apiKey, background, baseUrl,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("waitForCompletion"), e.getMessage());
        assertTrue(e.getMessage().contains("pixazo endpoints have no option 'sise'. Did you mean 'size'?"),
                e.getMessage());
    }

    @Test
    void aMisspeltOptionDoesNotPrintItsValue() {
        PixazoValidationException e = rejected("pixazo:generate?apiKei=sk-secret-123");

        assertTrue(e.getMessage().contains("Did you mean 'apiKey'?"), e.getMessage());
        assertTrue(!messages(e).contains("sk-secret-123"), "a misspelt key must not be printed: " + messages(e));
    }

    @Test
    void aMisspeltOperationSuggestsTheOperation() {
        PixazoValidationException e = rejected("pixazo:generat");

        assertEquals("operation", e.getOption());
        assertTrue(e.getMessage().contains("Did you mean 'generate'?"), e.getMessage());
    }

    @Test
    void aMisspeltValueSuggestsTheValue() {
        PixazoValidationException e = rejected("pixazo:generate?quality=hgh");

        assertEquals("quality", e.getOption());
        assertTrue(e.getMessage().contains("'hgh': allowed values are low, medium, high, auto. Did you mean 'high'?"),
                e.getMessage());
        assertTrue(rejected("pixazo:generate?model=gpt-image-1").getMessage()
                .contains("Did you mean 'gpt-image-2' or 'gpt-image-1.5'?"));
    }

    @Test
    void noApiKeySaysWhereToSetIt() throws Exception {
        try (DefaultCamelContext fresh = new DefaultCamelContext()) {
            fresh.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("pixazo:generate");
                }
            });
            Exception e = assertThrows(Exception.class, fresh::start);
            PixazoValidationException validation = causeOf(e);
            assertNotNull(validation, () -> messages(e));
            assertEquals("apiKey", validation.getOption());
            assertTrue(validation.getMessage().contains("environment variable PIXAZO_API_KEY"), validation.getMessage());
            assertTrue(validation.getMessage().contains("camel.component.pixazo.api-key"), validation.getMessage());
            assertTrue(validation.getMessage().contains("Avoid apiKey= in endpoint URIs"), validation.getMessage());
        }
    }

    @Test
    void aBaseUrlWithoutOrWithAMisspeltSchemeSuggestsTheUrl() {
        assertTrue(rejected("pixazo:generate?baseUrl=gateway.pixazo.ai").getMessage()
                .endsWith("Did you mean 'https://gateway.pixazo.ai'?"));
        assertTrue(rejected("pixazo:generate?baseUrl=htps://gateway.pixazo.ai").getMessage()
                .endsWith("Did you mean 'https://gateway.pixazo.ai'?"));
        assertTrue(rejected("pixazo:generate?baseUrl=localhost:8089").getMessage()
                .endsWith("Did you mean 'http://localhost:8089'?"));
    }

    @Test
    void aBaseUrlThatIsNotTheGatewaySaysToCheckIt() {
        // nothing listens on port 1; a path prefix the gateway does not have answers 404
        PixazoException unreachable = failure(PixazoException.class, () -> template.requestBody(
                "pixazo:generate?maxRetries=0&baseUrl=http://127.0.0.1:1", "a cat"));
        assertTrue(unreachable.getMessage().contains("baseUrl"), unreachable.getMessage());
        PixazoException notFound = failure(PixazoException.class, () -> template.requestBody(
                "pixazo:generate?baseUrl=" + gateway.baseUrl() + "/v1", "a cat"));
        assertEquals(404, notFound.getHttpStatus());
        assertTrue(notFound.getMessage().contains("check baseUrl"), notFound.getMessage());
    }

    @Test
    void aProducerEndpointInFromSaysToUseTo() throws Exception {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pixazo:generate").to("log:never");
            }
        }));
        assertTrue(messages(e).contains("pixazo:generate is a producer endpoint: use it in to(...), not in from(...)."
                                        + " Start the route from what brings the prompts or images"), messages(e));
    }

    @Test
    void aTextBodyForEditSaysWhereThePromptGoes() {
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:edit?prompt=Make it blue", "a cat wearing a hat"));
        assertEquals("image", e.getOption());
        assertTrue(e.getMessage().contains("For pixazo:edit the body is the image and the prompt goes in the option"
                                           + " prompt or the header CamelPixazoPrompt; to make an image from text, use"
                                           + " pixazo:generate."), e.getMessage());
        assertTrue(gateway.apiRequests().isEmpty());
    }

    @Test
    void theSubmittedJobOfASubmitCanBeQueriedAsItIs() {
        String id = "gpt-image-2_019d0000-0000-0000-0000-0000000ab0ab";
        gateway.stubSubmit(GatewayStub.GENERATE_2, id);
        gateway.stubStatus(id, "PROCESSING", null);
        Object job = template.requestBody("pixazo:generate?waitForCompletion=false", "a cat");

        // the body of a submit, sent on without its headers, as "submit now, look later" routes do
        JobSnapshot snapshot = template.requestBody("pixazo:status", job, JobSnapshot.class);

        assertEquals(id, snapshot.requestId());
        assertEquals(JobStatus.PROCESSING, snapshot.status());
    }

    private PixazoValidationException rejected(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri).createProducer());
        PixazoValidationException validation = causeOf(e);
        assertNotNull(validation, () -> "no PixazoValidationException in " + e);
        return validation;
    }

    private static Throwable startFails(Path routes) {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + routes);
        main.addInitialProperty("camel.component.pixazo.base-url", gateway.baseUrl());
        main.addInitialProperty("camel.component.pixazo.api-key", GatewayStub.KEY);
        try {
            return assertThrows(Exception.class, main::start);
        } finally {
            main.stop();
        }
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
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
