package io.github.camelpixazo.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder example: prompt files in {@code <dir>/prompts} become images in {@code <dir>/images}. The route is the
 * same in the three DSLs; {@link Dsl} picks which one Camel Main loads.
 */
public final class FolderExample {

    private static final Logger LOG = LoggerFactory.getLogger(FolderExample.class);

    /** The sample prompts copied into the prompts folder at start (src/main/resources/prompts). */
    static final List<String> SAMPLE_PROMPTS = List.of("sunset.txt", "lighthouse.txt", "robot-barista.txt", "blank.txt",
            "refused.txt");

    /** The three ways of writing the route. */
    public enum Dsl {
        JAVA("folder", "Java DSL, FolderRoute"),
        YAML("folder-yaml", "YAML DSL, routes/folder.camel.yaml"),
        XML("folder-xml", "XML DSL, routes/folder.camel.xml");

        private final String example;
        private final String label;

        Dsl(String example, String label) {
            this.example = example;
            this.label = label;
        }

        public String example() {
            return example;
        }
    }

    private FolderExample() {
    }

    /**
     * Runs the folder example in {@code <baseDir>/<example name>}.
     */
    public static Summary run(Dsl dsl, Gateway gateway, Path baseDir) throws Exception {
        Path dir = ExampleFiles.fresh(baseDir.resolve(dsl.example()).toAbsolutePath().normalize());
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Path images = dir.resolve("images");
        int copied = 0;
        for (String name : SAMPLE_PROMPTS) {
            byte[] prompt = ExampleFiles.resource("prompts/" + name);
            if (!gateway.isSandbox() && new String(prompt, StandardCharsets.UTF_8).contains("[sandbox:")) {
                LOG.info("Skipping {}: its [sandbox:...] marker only means something to the sandbox", name);
                continue;
            }
            Files.write(prompts.resolve(name), prompt);
            copied++;
        }
        LOG.info("{} prompt files in {}; images go to {}", copied, prompts, images);

        ExampleRunner runner = new ExampleRunner(dsl.example(), gateway)
                .title("folder to folder, " + dsl.label)
                .input("folder", copied)
                .property("example.dir", dir)
                .images(() -> ExampleFiles.countFiles(images), images.toString())
                .failuresGoTo(prompts.resolve(".error").toString());
        switch (dsl) {
            case JAVA -> runner.routes(new FolderRoute());
            case YAML -> runner.routesIncludePattern("classpath:routes/folder.camel.yaml");
            case XML -> runner.routesIncludePattern("classpath:routes/folder.camel.xml");
            default -> throw new IllegalArgumentException(String.valueOf(dsl));
        }
        return runner.run();
    }
}
