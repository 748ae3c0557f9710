package io.github.camelpixazo.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records every log line (with stack traces) while open. The component's own loggers are raised to TRACE, so even
 * its most detailed lines are checked. {@link #everything(Level)} captures what a user who turns the root logger to
 * DEBUG or TRACE would see: every logger of the JVM at that level, through SLF4J/Log4j and through
 * {@code java.util.logging} (where the JDK's own loggers, the HTTP client's included, write).
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Map<String, Level> previous = new LinkedHashMap<>();
    private final Level previousRoot;
    private final java.util.logging.Level previousJul;
    private final Handler julHandler;

    /** Captures with the component's loggers at TRACE. */
    public LogCapture() {
        this(Map.of());
    }

    /** Captures with the component's loggers at TRACE and the given loggers at the given levels. */
    public LogCapture(Map<String, Level> levels) {
        this(null, levels);
    }

    /**
     * Captures every logger at {@code level}: the root logger and every configured logger (the component's included),
     * and java.util.logging's root logger. {@code quiet} keeps named loggers at the given levels (for the stand-in
     * gateway's own server-side loggers, never the component's).
     */
    public static LogCapture everything(Level level, Map<String, Level> quiet) {
        return new LogCapture(level, quiet);
    }

    private LogCapture(Level rootLevel, Map<String, Level> levels) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Map<String, Level> wanted = new LinkedHashMap<>();
        if (rootLevel != null) {
            for (LoggerConfig logger : config.getLoggers().values()) {
                if (!logger.getName().isEmpty()) {
                    wanted.put(logger.getName(), rootLevel);
                }
            }
        } else {
            wanted.put("io.github.camelpixazo", Level.TRACE);
        }
        wanted.putAll(levels);
        wanted.forEach((name, level) -> previous.put(name, config.getLoggerConfig(name).getLevel()));
        previousRoot = config.getRootLogger().getLevel();
        appender = new AbstractAppender("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(format(event.getLevel().name(), event.getLoggerName(), event.getMessage().getFormattedMessage(),
                        event.getThrown()));
            }
        };
        appender.start();
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        if (rootLevel != null) {
            Configurator.setRootLevel(rootLevel);
        }
        wanted.forEach(Configurator::setLevel);
        context.updateLoggers();

        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("");
        previousJul = jul.getLevel();
        if (rootLevel != null) {
            julHandler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    String message = record.getMessage();
                    if (record.getParameters() != null && message != null) {
                        message = java.text.MessageFormat.format(message, record.getParameters());
                    }
                    lines.add(format("JUL-" + record.getLevel(), record.getLoggerName(), message, record.getThrown()));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            julHandler.setLevel(java.util.logging.Level.ALL);
            jul.addHandler(julHandler);
            jul.setLevel(java.util.logging.Level.ALL);
        } else {
            julHandler = null;
        }
    }

    private static String format(String level, String logger, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder(level + " " + logger + " - " + message);
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        return line.toString();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything captured, one text: to find a secret split across lines. */
    public String text() {
        return String.join("\n", lines);
    }

    public long count(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        previous.forEach(Configurator::setLevel);
        if (previousRoot != null) {
            Configurator.setRootLevel(previousRoot);
        }
        appender.stop();
        context.updateLoggers();
        if (julHandler != null) {
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger("");
            jul.removeHandler(julHandler);
            jul.setLevel(previousJul);
        }
    }
}
