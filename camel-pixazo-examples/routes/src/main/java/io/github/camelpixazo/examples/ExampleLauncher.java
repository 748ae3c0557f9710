package io.github.camelpixazo.examples;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs one example by name and exits: {@code folder} (the default), {@code folder-yaml}, {@code folder-xml},
 * {@code ftp}, {@code queue-jms} or {@code queue-seda}. Against the gateway of {@code -Dgateway} (pixazo, pixapi or
 * evolink; default pixazo): its embedded sandbox unless its key variable ({@code PIXAZO_API_KEY}, {@code PIXAPI_API_KEY},
 * {@code EVOLINK_API_KEY}) is set. Working directories are under the system property {@code example.baseDir} (default {@code target/example}).
 * Exit code 0 when every input was processed (failures included, they are part of the demo), 1 otherwise, 2 on bad
 * usage.
 */
public final class ExampleLauncher {

    static final List<String> EXAMPLES = List.of("folder", "folder-yaml", "folder-xml", "ftp", "queue-jms", "queue-seda");

    private ExampleLauncher() {
    }

    public static void main(String[] args) {
        String example = args.length > 0 && !args[0].isBlank() ? args[0].trim() : "folder";
        if (!EXAMPLES.contains(example)) {
            System.err.println("Unknown example '" + example + "'. Choose one of " + String.join(", ", EXAMPLES)
                               + " (mvn -q package -DskipTests -Pexample -Dexample=<name>).");
            System.exit(2);
            return;
        }
        Path baseDir = Path.of(System.getProperty("example.baseDir", "target/example")).toAbsolutePath().normalize();
        int exitCode;
        try (Gateway gateway = Gateway.fromEnvironment()) {
            Summary summary = run(example, gateway, baseDir);
            summary.print(System.out);
            exitCode = summary.completed() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("Example '" + example + "' failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        // the broker, FTP server and HTTP clients are stopped; exit even if a library left a non-daemon thread
        System.exit(exitCode);
    }

    /** -Dexample.burst=N, else 200 against the sandbox and 3 against the real gateway (each job is billed). */
    private static int burst(Gateway gateway) {
        String value = System.getProperty("example.burst", "default").trim();
        if (value.isEmpty() || value.equals("default")) {
            return gateway.isSandbox() ? QueueExample.SANDBOX_BURST : QueueExample.GATEWAY_BURST;
        }
        return Integer.parseInt(value);
    }

    static Summary run(String example, Gateway gateway, Path baseDir) throws Exception {
        return switch (example) {
            case "folder" -> FolderExample.run(FolderExample.Dsl.JAVA, gateway, baseDir);
            case "folder-yaml" -> FolderExample.run(FolderExample.Dsl.YAML, gateway, baseDir);
            case "folder-xml" -> FolderExample.run(FolderExample.Dsl.XML, gateway, baseDir);
            case "ftp" -> FtpExample.run(gateway, baseDir);
            case "queue-jms" -> QueueExample.run(QueueExample.Kind.JMS, burst(gateway), gateway, baseDir);
            case "queue-seda" -> QueueExample.run(QueueExample.Kind.SEDA, burst(gateway), gateway, baseDir);
            default -> throw new IllegalArgumentException("Unknown example " + example);
        };
    }
}
