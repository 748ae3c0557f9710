package io.github.camelpixazo;

import io.github.camelpixazo.dsl.PixazoEndpointBuilderFactory;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.dsl.builders.StaticEndpointBuilders.pixazo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generated type-safe Java Endpoint DSL: {@code pixazo("generate").size("1536x1024").quality("high")} in an
 * EndpointRouteBuilder builds the URI the component expects, and the options reach the wire.
 */
class EndpointDslTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000d51a1";

    /** A route as a user writes it: EndpointRouteBuilder, plus the pixazo builders (a third-party component's DSL). */
    static class PosterRoutes extends EndpointRouteBuilder implements PixazoEndpointBuilderFactory.PixazoBuilders {
        @Override
        public void configure() {
            from(direct("poster"))
                    .to(pixazo("generate").size("1536x1024").quality("high").format("webp").outputCompression(80));
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new PosterRoutes();
    }

    @Test
    void theTypedBuilderSendsItsOptionsToTheGateway() {
        byte[] webp = TestImages.webpHeader(1536, 1024);
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/webp", webp);

        byte[] image = template.requestBody("direct:poster", "A retro poster of Lisbon trams", byte[].class);

        assertArrayEquals(webp, image);
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE_2)).withRequestBody(equalToJson(
                "{\"prompt\":\"A retro poster of Lisbon trams\",\"size\":\"1536x1024\",\"quality\":\"high\","
                + "\"format\":\"webp\",\"output_compression\":80}", false, false)));
    }

    @Test
    void theStaticBuilderMakesTheSameUriAsTheStringForm() {
        assertEquals("pixazo://generate?quality=high&size=1536x1024",
                pixazo("generate").size("1536x1024").quality("high").getRawUri());
    }
}
