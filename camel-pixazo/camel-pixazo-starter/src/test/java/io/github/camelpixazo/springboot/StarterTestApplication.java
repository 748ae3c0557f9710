package io.github.camelpixazo.springboot;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.http.HttpClientConfigurer;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application as a user writes one: a route bean and a hook bean, no component wiring. */
@SpringBootApplication
public class StarterTestApplication {

    /** How often the hook bean was asked to configure an HTTP client. */
    static final AtomicInteger HOOK_CALLS = new AtomicInteger();

    @Bean
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("pixazo:generate");
            }
        };
    }

    /** Picked up because it is the only bean of the component's hook type (Camel autowires it). */
    @Bean
    HttpClientConfigurer countingConfigurer() {
        return builder -> HOOK_CALLS.incrementAndGet();
    }
}
