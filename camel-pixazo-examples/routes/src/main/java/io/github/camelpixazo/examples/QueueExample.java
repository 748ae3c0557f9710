package io.github.camelpixazo.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue example: a burst of prompts is sent to a queue (JMS on an embedded Artemis broker, or SEDA) and processed
 * concurrently by one consumer and the waiting pixazo producer. The summary shows how many jobs were in flight at
 * once and how many threads the JVM needed for it.
 */
public final class QueueExample {

    private static final Logger LOG = LoggerFactory.getLogger(QueueExample.class);

    /** The default burst against the sandbox. */
    public static final int SANDBOX_BURST = 200;
    /** The default burst against the real gateway: every job is billed. */
    public static final int GATEWAY_BURST = 3;

    private static final List<String> SUBJECTS = List.of("a red fox in the snow", "a paper boat on a puddle",
            "a lighthouse at dusk", "a hot air balloon over fields", "a bonsai tree on a desk", "a tram in the rain",
            "an astronaut tending a garden", "a sleepy cat on a windowsill", "a city skyline at night",
            "a bowl of ramen");
    private static final List<String> STYLES = List.of("watercolor", "pixel art", "isometric 3D", "charcoal sketch",
            "ukiyo-e woodblock print");

    /** Which queue. */
    public enum Kind {
        JMS("queue-jms", "jms:queue:prompts", "JMS on embedded ActiveMQ Artemis, asyncConsumer=true"),
        SEDA("queue-seda", "seda:prompts", "SEDA, one consumer thread");

        private final String example;
        private final String queue;
        private final String label;

        Kind(String example, String queue, String label) {
            this.example = example;
            this.queue = queue;
            this.label = label;
        }

        public String example() {
            return example;
        }
    }

    private QueueExample() {
    }

    public static Summary run(Kind kind, int burst, Gateway gateway, Path baseDir) throws Exception {
        Path dir = ExampleFiles.fresh(baseDir.resolve(kind.example()).toAbsolutePath().normalize());
        Path images = dir.resolve("images");
        ExampleRunner runner = new ExampleRunner(kind.example(), gateway)
                .title("a burst of " + burst + " prompts through " + kind.label)
                .input("queue", burst)
                .property("example.dir", dir)
                .images(() -> ExampleFiles.countFiles(images), images.toString())
                .progressEvery(Duration.ofSeconds(1))
                .kickoff(context -> {
                    LOG.info("Sending {} prompts to {}", burst, kind.queue);
                    try (ProducerTemplate template = context.createProducerTemplate()) {
                        for (int i = 0; i < burst; i++) {
                            template.sendBodyAndHeader(kind.queue, prompt(i), "promptId", promptId(i));
                        }
                    }
                    LOG.info("Sent {} prompts to {}", burst, kind.queue);
                });
        if (kind == Kind.SEDA) {
            return runner.routes(new QueueRoutes.Seda()).run();
        }
        try (EmbeddedArtemis broker = EmbeddedArtemis.start(dir.resolve("artemis"))) {
            runner.property("camel.component.jms.connection-factory", "#artemis")
                    .bean("artemis", broker.connectionFactory())
                    .failuresGoTo("the JMS queue prompts.failed")
                    .routes(new QueueRoutes.Jms());
            return runner.run();
        }
    }

    static String promptId(int i) {
        return String.format(Locale.ROOT, "prompt-%03d", i + 1);
    }

    static String prompt(int i) {
        return SUBJECTS.get(i % SUBJECTS.size()) + ", " + STYLES.get((i / SUBJECTS.size()) % STYLES.size())
               + " (prompt " + (i + 1) + ")";
    }
}
