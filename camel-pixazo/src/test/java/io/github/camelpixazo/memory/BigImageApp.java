package io.github.camelpixazo.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import io.github.camelpixazo.PixazoComponent;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A user's application, as small as it gets: the route users write most, {@code .to("pixazo:generate").to("file:...")},
 * with default options (the key from the environment variable PIXAZO_API_KEY, only baseUrl set to the stand-in
 * gateway). {@link BigImageForkTest} runs it in its own JVM with a small heap. Prints {@code RESULT ok} or
 * {@code RESULT failed ...}, and the heap pools' peak use.
 */
public final class BigImageApp {

    private BigImageApp() {
    }

    /** args: baseUrl, output folder, and optionally endpoint options (to see it fail: spoolThreshold=-1). */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path folder = Path.of(args[1]);
        String options = args.length > 2 ? "?" + args[2] : "";
        int code;
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setBaseUrl(baseUrl);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("pixazo:generate" + options).to("file:" + folder.toAbsolutePath());
                }
            });
            context.start();
            Exchange result = context.createProducerTemplate().request("direct:start",
                    e -> e.getIn().setBody("A very large image"));
            if (result.getException() != null) {
                System.out.println("RESULT failed " + result.getException());
                result.getException().printStackTrace(System.out);
                code = 1;
            } else {
                System.out.println("RESULT ok " + result.getMessage().getHeader(Exchange.FILE_NAME));
                code = 0;
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("HEAP max %d MB, sum of the heap pools' peaks %d MB%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peak / (1024 * 1024));
        System.exit(code);
    }
}
