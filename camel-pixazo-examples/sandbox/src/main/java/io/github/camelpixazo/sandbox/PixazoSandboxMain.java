package io.github.camelpixazo.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until Ctrl-C:
 * {@code --gateway pixazo --port 8089 --media-port 8090 --processing-time 2s --api-key secret --base-path /pixazo}.
 */
public final class PixazoSandboxMain {

    private static final String USAGE = """
            Usage: PixazoSandboxMain [options]
              --gateway <id>          the protocol to speak: pixazo (default), pixapi or evolink
              --port <n>              API port on 127.0.0.1 (default 8089; 0 = any free port)
              --media-port <n>        media host port on 127.0.0.1 (default 8090; 0 = any free port)
              --processing-time <d>   time a job takes, e.g. 2s, 500ms, 1m, PT2S (default 2s)
              --api-key <key>         accept only this key (default: any non-blank key)
              --base-path <path>      mount the API below a prefix, e.g. /pixazo
              --help                  show this help
            Prompt markers: [sandbox:failed] [sandbox:error] [sandbox:cancelled] [sandbox:never] [sandbox:slow]""";

    private PixazoSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PixazoSandbox.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        PixazoSandbox sandbox = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            System.out.println("Pixazo sandbox stopped.");
            stopped.countDown();
        }, "pixazo-sandbox-shutdown"));
        printInstructions(sandbox, System.out);
        stopped.await();
    }

    /** Null when help was asked for. */
    static PixazoSandbox.Builder parse(String[] args) {
        PixazoSandbox.Builder builder = PixazoSandbox.builder().port(8089).mediaPort(8090);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--gateway" -> builder.gateway(SandboxGateway.of(value));
                case "--port" -> builder.port(parsePort(option, value));
                case "--media-port" -> builder.mediaPort(parsePort(option, value));
                case "--processing-time" -> builder.processingTime(parseDuration(value));
                case "--api-key" -> builder.apiKey(value);
                case "--base-path" -> builder.basePath(value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return builder;
    }

    /** Accepts {@code 500ms}, {@code 2s}, {@code 1m}, a plain number of seconds, or ISO-8601 ({@code PT2S}). */
    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("Not a duration: '" + value + "' (try 2s, 500ms, 1m or PT2S)");
        }
    }

    private static int parsePort(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    static void printInstructions(PixazoSandbox sandbox, PrintStream out) {
        String base = sandbox.baseUrl();
        SandboxGateway gateway = sandbox.gateway();
        out.println();
        out.println(gateway.displayName() + " sandbox running (no internet, no real API key needed)");
        out.println("  API base URL : " + base);
        out.println("  media host   : " + sandbox.mediaBaseUrl());
        out.println("  processing   : " + sandbox.processingTime());
        out.println();
        out.println("Point the pixazo component at it (any non-blank key), e.g. in Camel Main's application.properties:");
        if (gateway != SandboxGateway.PIXAZO) {
            out.println("  camel.component.pixazo.gateway = " + gateway.id());
        }
        out.println("  camel.component.pixazo.base-url = " + base);
        out.println("  camel.component.pixazo.api-key = sandbox");
        out.println();
        out.println("Or try it by hand:");
        switch (gateway) {
            case PIXAZO -> {
                out.println("  curl -s -X POST " + base + "/gpt-image-2/v1/text-to-image \\");
                out.println("       -H 'Content-Type: application/json' -H 'Ocp-Apim-Subscription-Key: sandbox' \\");
                out.println("       -d '{\"prompt\": \"A serene sunset over mountains\"}'");
                out.println("  curl -s -H 'Ocp-Apim-Subscription-Key: sandbox' " + base + "/v2/requests/status/<request_id>");
            }
            case PIXAPI -> {
                out.println("  curl -s -X POST " + base + "/v1/async/images/generations \\");
                out.println("       -H 'Content-Type: application/json' -H 'Authorization: Bearer sandbox' \\");
                out.println("       -d '{\"model\": \"gpt-image-2\", \"prompt\": \"A serene sunset over mountains\"}'");
                out.println("  curl -s -H 'Authorization: Bearer sandbox' " + base + "/v1/tasks/<id>");
            }
            case EVOLINK -> {
                out.println("  curl -s -X POST " + base + "/v1/images/generations \\");
                out.println("       -H 'Content-Type: application/json' -H 'Authorization: Bearer sandbox' \\");
                out.println("       -d '{\"model\": \"gpt-image-1.5\", \"prompt\": \"A serene sunset over mountains\"}'");
                out.println("  curl -s -H 'Authorization: Bearer sandbox' " + base + "/v1/tasks/<task id>");
            }
            default -> throw new IllegalStateException(String.valueOf(gateway));
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
    }
}
