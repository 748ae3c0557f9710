package io.github.camelpixazo.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Queue to images: every message on the queue is a prompt; its image is written to {@code {{example.dir}}/images},
 * named after the message's {@code promptId} header. One consumer thread keeps many jobs in flight, because the
 * pixazo producer is asynchronous and neither consumer waits for an exchange to finish before taking the next message.
 */
public final class QueueRoutes {

    private QueueRoutes() {
    }

    /**
     * JMS: {@code asyncConsumer=true} lets the listener hand each message to the asynchronous routing engine and take
     * the next one at once. The trade-off: the message is acknowledged when the listener returns, before its job is
     * done (and {@code transacted=true} would make processing synchronous again). So a failed job is not redelivered:
     * it goes, with its reason, to the queue {@code prompts.failed}.
     */
    public static class Jms extends RouteBuilder {
        @Override
        public void configure() {
            onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "${header.promptId} failed: ${exception.message}")
                    .setHeader("failureReason", simple("${exception.message}"))
                    .to("jms:queue:prompts.failed");

            from("jms:queue:prompts?asyncConsumer=true")
                    .routeId("queue")
                    .to("pixazo:generate")
                    .to("file:{{example.dir}}/images?fileName=${header.promptId}.${file:name.ext.single}")
                    .log("${header.promptId}: wrote ${header.CamelFileNameProduced}");
        }
    }

    /** SEDA: the in-memory, zero-dependency variant (one consumer thread by default; nothing survives a restart). */
    public static class Seda extends RouteBuilder {
        @Override
        public void configure() {
            onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "${header.promptId} failed: ${exception.message}");

            from("seda:prompts")
                    .routeId("queue")
                    .to("pixazo:generate")
                    .to("file:{{example.dir}}/images?fileName=${header.promptId}.${file:name.ext.single}")
                    .log("${header.promptId}: wrote ${header.CamelFileNameProduced}");
        }
    }
}
