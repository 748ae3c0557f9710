package io.github.camelpixazo.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * What an example run did, printed at its end.
 *
 * @param example              the example's name (folder, ftp, queue-jms, ...)
 * @param title                one line saying what it shows
 * @param gateway              which gateway was used (never the key)
 * @param completed            true when every input was processed; false when the run gave up waiting
 * @param inputs               the inputs the example fed in
 * @param finished             the inputs its route finished with (successfully or not)
 * @param pixazoCalls          messages sent to a pixazo: endpoint
 * @param rejectedBeforeSending pixazo: calls validation rejected before anything was sent
 * @param images               image files written
 * @param imagesLocation       where they are (absolute path, or an FTP URL and the path behind it)
 * @param failures             the inputs that failed and why
 * @param failuresLocation     where failed inputs went, or null
 * @param elapsed              wall-clock time from Camel's start to the last input finished
 * @param peakJobsInFlight     the most jobs in flight at once: those the pixazo component waited for, or (submit now,
 *                             collect later) those pending in its job store
 * @param inFlightDescription  what {@code peakJobsInFlight} counts, printed after it ("at once", "pending in the job
 *                             store at once")
 * @param threadsBefore        live JVM threads once everything had started, before the first input was processed
 * @param peakThreads          the most live JVM threads during the run
 * @param spend                the estimated price of the jobs the gateway accepted, by currency (from the header
 *                             CamelPixazoEstimatedCost; empty where no price is published)
 */
public record Summary(String example, String title, String gateway, boolean completed, int inputs, int finished,
                      int pixazoCalls, int rejectedBeforeSending, int images, String imagesLocation,
                      List<Failure> failures, String failuresLocation, Duration elapsed,
                      int peakJobsInFlight, String inFlightDescription, int threadsBefore, int peakThreads, Map<String, BigDecimal> spend) {

    /**
     * The summary's first words: the project, not a gateway's name (the examples run against Pixazo, Pixapi or
     * EvoLink; the {@code gateway:} line says which).
     */
    public static final String BANNER = "camel-pixazo example";

    /** One input that failed: its name (file name or prompt id) and why. */
    public record Failure(String input, String reason) {
    }

    /** Jobs the gateway received. */
    public int jobsSent() {
        return pixazoCalls - rejectedBeforeSending;
    }

    public void print(PrintStream out) {
        String rule = "=".repeat(100);
        StringBuilder text = new StringBuilder();
        text.append(rule).append('\n');
        text.append(String.format(Locale.ROOT, "%s '%s' (%s): %s in %.1f s%n", BANNER, example, title,
                completed ? "done" : "NOT FINISHED", elapsed.toMillis() / 1000.0));
        line(text, "gateway", gateway);
        line(text, "jobs", inputs + " inputs, " + jobsSent() + " jobs sent to the gateway"
                           + (rejectedBeforeSending > 0 ? ", " + rejectedBeforeSending + " rejected before sending" : "")
                           + (completed ? "" : " (" + finished + " of " + inputs + " inputs finished)"));
        line(text, "images", images + " in " + imagesLocation);
        line(text, "failures", failures.size()
                               + (failures.isEmpty() || failuresLocation == null ? "" : ", moved with their reasons to "
                                                                                           + failuresLocation));
        for (Failure failure : failures.stream().limit(10).toList()) {
            line(text, "", "- " + failure.input() + ": " + abbreviate(failure.reason()));
        }
        if (failures.size() > 10) {
            line(text, "", "- ... and " + (failures.size() - 10) + " more");
        }
        line(text, "spend", spend.isEmpty() ? "none estimated (no job the gateway accepted had a published price)"
                : "estimated " + spend.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(" + ")) + " for the jobs sent (auto sizes and"
                  + " qualities at their published upper bound)");
        line(text, "in flight", "peak " + peakJobsInFlight + (peakJobsInFlight == 1 ? " job" : " jobs")
                                + " " + inFlightDescription + ", peak " + peakThreads
                                + " live JVM threads (" + threadsBefore + " before the first job)");
        text.append(rule).append('\n');
        out.print(text);
        out.flush();
    }

    /** The queue examples' headline, e.g. "200 jobs, peak 200 in flight, peak 41 live threads". */
    public String headline() {
        return jobsSent() + " jobs, peak " + peakJobsInFlight + " in flight, peak " + peakThreads + " live threads";
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-10s %s%n", label.isEmpty() ? "" : label + ":", value));
    }

    private static String abbreviate(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }
}
