package io.github.camelpixazo.examples.springboot;

import java.time.Duration;
import java.util.Map;

import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.sandbox.PixazoSandbox;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application with one Camel route ({@link FolderToFolderRoute}) and the pixazo component configured
 * by application.properties alone, through camel-pixazo-starter.
 * <p>
 * Which gateway: when the environment variable {@code PIXAZO_API_KEY} is set, the real Pixazo gateway (or
 * {@code PIXAZO_BASE_URL}) with that key; otherwise an embedded sandbox started here on a free loopback port and
 * stopped with the application. Either way the choice reaches application.properties as the properties
 * {@code pixazo.gateway.url} and {@code pixazo.gateway.api-key}.
 */
@SpringBootApplication
public class PixazoSpringBootExample {

    /** Runs until stopped (Ctrl-C). Spring Boot arguments such as {@code --server.port=9090} apply. */
    public static void main(String[] args) {
        start(System.getenv(), args);
    }

    /**
     * Starts the application.
     *
     * @param environment where {@code PIXAZO_API_KEY} and {@code PIXAZO_BASE_URL} are looked up (tests pass an
     *                    empty map, so they never reach the real gateway)
     * @param args        Spring Boot command-line arguments
     * @return the running application; closing it stops the sandbox it started, if any
     */
    public static ConfigurableApplicationContext start(Map<String, String> environment, String... args) {
        SpringApplication application = new SpringApplication(PixazoSpringBootExample.class);
        String key = environment.get("PIXAZO_API_KEY");
        if (key != null && !key.isBlank()) {
            String url = environment.getOrDefault("PIXAZO_BASE_URL", PixazoConfiguration.DEFAULT_BASE_URL);
            application.setDefaultProperties(Map.of("pixazo.gateway.url", url, "pixazo.gateway.api-key", key.trim()));
            return application.run(args);
        }
        PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofSeconds(2)).build().start();
        application.setDefaultProperties(Map.of("pixazo.gateway.url", sandbox.baseUrl(), "pixazo.gateway.api-key", "sandbox-demo-key"));
        // registered first, so destroyed last: after Camel has finished its in-flight jobs
        application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("pixazoSandbox", sandbox::stop));
        try {
            return application.run(args);
        } catch (RuntimeException e) {
            sandbox.stop();
            throw e;
        }
    }
}
