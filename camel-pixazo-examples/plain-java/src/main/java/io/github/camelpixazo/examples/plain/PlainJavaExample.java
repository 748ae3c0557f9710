package io.github.camelpixazo.examples.plain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.sandbox.PixazoSandbox;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The pixazo component from plain Java: a {@link DefaultCamelContext}, the component configured in code, and a
 * {@code ProducerTemplate} call. No route, no Camel Main, no Spring: the least a Java program needs.
 * <p>
 * {@code java ... PlainJavaExample "A lighthouse in a storm" lighthouse.png} writes the image to the file (its folder
 * is created); the Maven profile {@code plain-java-example} runs it (docs/examples/plain-java.adoc). Against the
 * real gateway when the environment variable {@code PIXAZO_API_KEY} is set, otherwise against an embedded sandbox.
 */
public final class PlainJavaExample {

    private PlainJavaExample() {
    }

    /** Arguments: the prompt, then the file to write (default image.png). */
    public static void main(String[] args) throws Exception {
        String prompt = args.length > 0 ? args[0] : "A lighthouse in a storm";
        Path target = Path.of(args.length > 1 ? args[1] : "image.png").toAbsolutePath();
        Files.createDirectories(target.getParent());
        String key = System.getenv("PIXAZO_API_KEY");
        if (key != null && !key.isBlank()) {
            generate(PixazoConfiguration.DEFAULT_BASE_URL, key.trim(), prompt, target);
        } else {
            try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofSeconds(1)).build().start()) {
                generate(sandbox.baseUrl(), "sandbox-demo-key", prompt, target);
            }
        }
        System.out.println("Wrote " + target);
    }

    /**
     * Generates one image and writes it.
     *
     * @param baseUrl the gateway (or sandbox) base URL
     * @param apiKey  the subscription key; set on the component, never in the endpoint URI
     * @param prompt  what to draw
     * @param target  where to write the image bytes
     * @return the number of bytes written
     * @throws org.apache.camel.CamelExecutionException wrapping a {@code PixazoException} when the job fails
     */
    public static long generate(String baseUrl, String apiKey, String prompt, Path target) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            PixazoConfiguration pixazo = camel.getComponent("pixazo", PixazoComponent.class).getConfiguration();
            pixazo.setBaseUrl(baseUrl);
            pixazo.setApiKey(apiKey);
            pixazo.setPollInterval(1_000);
            camel.start();
            byte[] image = camel.createProducerTemplate()
                    .requestBody("pixazo:generate?size=1024x1024&quality=low", prompt, byte[].class);
            Files.write(target, image);
            return image.length;
        }
    }
}
