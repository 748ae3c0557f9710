package io.github.camelpixazo.producer;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A route that blocks after a pixazo call on another pixazo call (a ProducerTemplate in a bean) must not starve the
 * completion it waits for, even with a worker pool of one thread.
 */
class BlockingRouteTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000b10c0";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("pixazo", PixazoComponent.class).setWorkerPoolSize(1);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outer")
                        .to("pixazo:generate")
                        // runs on the worker that completed the first job, and blocks until a second job completes
                        .process(e -> e.getMessage().setBody(e.getContext().createProducerTemplate()
                                .requestBody("pixazo:generate", "A second prompt", byte[].class)));
            }
        };
    }

    @Test
    @Timeout(20)
    void aBlockingContinuationDoesNotDeadlock() {
        byte[] png = TestImages.png(8, 8);
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", png);

        byte[] image = template.requestBody("direct:outer", "A first prompt", byte[].class);

        assertEquals(png.length, image.length);
        assertEquals(2, gateway.submits(GENERATE_2).size());
    }
}
