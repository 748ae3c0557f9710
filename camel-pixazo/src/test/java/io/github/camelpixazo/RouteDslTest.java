package io.github.camelpixazo;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML and XML route files under src/test/resources/routes, loaded by camel-main the way users run them, with the
 * component configured by properties only.
 */
class RouteDslTest {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000d5101";
    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;

    @TempDir
    Path out;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    private Main main(String routes) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/" + routes);
        main.addInitialProperty("camel.component.pixazo.base-url", gateway.baseUrl());
        main.addInitialProperty("camel.component.pixazo.api-key", GatewayStub.KEY);
        main.addInitialProperty("camel.component.pixazo.poll-interval", "20ms");
        main.addInitialProperty("out.dir", out.toString());
        main.start();
        return main;
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "xml" })
    void aRouteFileGeneratesAnImageFile(String dsl) throws Exception {
        byte[] png = TestImages.png(24, 16);
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", png);
        Main main = main("generate.camel." + dsl);
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            template.sendBody("direct:" + dsl + "-one", "A lighthouse at dawn");
        } finally {
            main.stop();
        }

        assertArrayEquals(png, Files.readAllBytes(out.resolve(dsl).resolve(ID + ".png")));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GatewayStub.GENERATE_2)).withRequestBody(equalToJson(
                "{\"prompt\":\"A lighthouse at dawn\",\"size\":\"1536x1024\",\"quality\":\"high\"}", false, false)));
    }

    @org.junit.jupiter.api.Test
    void aYamlFileCanDeclareAndConfigureTheComponentAsABean() throws Exception {
        byte[] png = TestImages.png(12, 12);
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", png);
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/bean.camel.yaml");
        main.addInitialProperty("test.key", GatewayStub.KEY);
        main.addInitialProperty("test.baseUrl", gateway.baseUrl());
        main.addInitialProperty("out.dir", out.toString());
        main.start();
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:yaml-bean", "A bean-configured prompt");
        } finally {
            main.stop();
        }

        assertArrayEquals(png, Files.readAllBytes(out.resolve("bean").resolve(ID + ".png")));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GatewayStub.GENERATE_2)).withHeader(
                "Ocp-Apim-Subscription-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(GatewayStub.KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "xml" })
    void severalImagesAreWrittenWithOneSplit(String dsl) throws Exception {
        byte[] first = TestImages.png(8, 8);
        byte[] second = TestImages.png(9, 9);
        gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", first, second);
        Main main = main("generate.camel." + dsl);
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:" + dsl + "-many", "Two logos");
        } finally {
            main.stop();
        }

        Path folder = out.resolve(dsl + "-many");
        assertArrayEquals(first, Files.readAllBytes(folder.resolve(ID + "-1.png")));
        assertArrayEquals(second, Files.readAllBytes(folder.resolve(ID + "-2.png")));
        try (var files = Files.list(folder)) {
            assertTrue(files.count() == 2, "exactly the two images");
        }
    }
}
