package io.github.camelpixazo.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submit now, collect later: a YAML route submits every prompt file with {@code waitForCompletion=false}
 * (routes/jobs-submit.camel.yaml) and a second YAML route receives each finished job from {@code pixazo:jobs}
 * (routes/jobs-collect.camel.yaml). Two stores:
 * <ul>
 * <li>{@code jobs}: the default file store ({@code jobStoreDirectory}), with webhooks where the gateway has them
 * (Pixazo, EvoLink): the sandbox calls back each job's own URL on Camel's platform-http (camel-platform-http-main); one
 * callback is lost and one duplicated on purpose, and the collecting route still gets each job exactly once. Pixapi
 * documents no callbacks: its jobs are found by polling;</li>
 * <li>{@code jobs-jdbc}: the JDBC store on an H2 database file ({@code jobStoreDataSource=#jobsDb}), polling only.</li>
 * </ul>
 */
public final class JobsExample {

    private static final Logger LOG = LoggerFactory.getLogger(JobsExample.class);

    /** Which store the example uses. */
    public enum Store {
        FILE("jobs", "submit and collect later, YAML, file job store, webhooks where the gateway has them"),
        JDBC("jobs-jdbc", "submit and collect later, YAML, JDBC job store (H2), polling");

        private final String example;
        private final String label;

        Store(String example, String label) {
            this.example = example;
            this.label = label;
        }

        public String example() {
            return example;
        }
    }

    private JobsExample() {
    }

    /** Runs the example in {@code <baseDir>/<example name>}. */
    public static Summary run(Store store, Gateway gateway, Path baseDir) throws Exception {
        Path dir = ExampleFiles.fresh(baseDir.resolve(store.example()).toAbsolutePath().normalize());
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Path images = dir.resolve("images");
        int copied = 0;
        for (String name : FolderExample.SAMPLE_PROMPTS) {
            byte[] prompt = ExampleFiles.resource("prompts/" + name);
            if (!gateway.isSandbox() && new String(prompt, StandardCharsets.UTF_8).contains("[sandbox:")) {
                LOG.info("Skipping {}: its [sandbox:...] marker only means something to the sandbox", name);
                continue;
            }
            Files.write(prompts.resolve(name), prompt);
            copied++;
        }
        LOG.info("{} prompt files in {}; images go to {}", copied, prompts, images);

        // every prompt file is an input: the collecting route finishes those that became jobs, the submitting route
        // those it could not submit (the blank one, refused before anything is sent, goes to prompts/.error)
        ExampleRunner runner = new ExampleRunner(store.example(), gateway)
                .title(store.label)
                .input("collect", copied)
                .enteringBy("submit")
                .inFlight(ExampleRunner.InFlight.PENDING_IN_STORE)
                .property("example.dir", dir)
                .routesIncludePattern("classpath:routes/jobs-submit.camel.yaml,classpath:routes/jobs-collect.camel.yaml")
                .images(() -> ExampleFiles.countFiles(images), images.toString())
                .failuresGoTo(dir.resolve("failed") + " (jobs) and " + prompts.resolve(".error") + " (not submitted)");
        JdbcConnectionPool database = null;
        if (store == Store.FILE) {
            runner.property("camel.component.pixazo.job-store-directory", dir.resolve("job-store"));
            if (gateway.isSandbox() && gateway.hasCallbacks()) {
                // webhooks need a URL the gateway can reach: the sandbox reaches loopback, the real gateway does not;
                // Pixapi documents no callbacks, so its jobs are found by polling alone
                int port = freePort();
                runner.property("camel.server.enabled", "true")
                        .property("camel.server.host", "127.0.0.1")
                        .property("camel.server.port", port)
                        .property("camel.component.pixazo.webhook-url", "http://127.0.0.1:" + port + "/pixazo/callbacks")
                        .property("camel.component.pixazo.webhook-allow-http-loopback", "true")
                        .property("camel.component.pixazo.webhook-fallback-delay", "3s")
                        .kickoff(context -> gateway.sandboxOrNull().faults().loseWebhooks(1).duplicateWebhooks(true));
            }
        } else {
            database = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db").resolve("jobs"), "sa", "");
            runner.bean("jobsDb", database).property("camel.component.pixazo.job-store-data-source", "#jobsDb");
        }
        try {
            return runner.run();
        } finally {
            if (database != null) {
                database.dispose();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
