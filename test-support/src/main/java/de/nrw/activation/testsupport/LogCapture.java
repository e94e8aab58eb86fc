package de.nrw.activation.testsupport;

import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the application logs while it is open, as the text a log line would show: the
 * formatted message, the logger's name and the messages of the exception chain. Attached to the
 * root logger of the running (JBoss) log manager, so a {@code @QuarkusTest} sees the lines of
 * the application it talks to. Use it to prove that no input value reaches the log:
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     ... send a request carrying a marker value ...
 *     assertThat(logs.text()).doesNotContain(marker);
 * }
 * }</pre>
 * Lines below the loggers' configured levels are not produced at all, so they are not captured
 * either: the capture shows what the log would show.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(render(record));
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** The captured lines, oldest first. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** All captured lines as one text, one line each. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }

    private static String render(LogRecord record) {
        StringBuilder line = new StringBuilder();
        line.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        line.append(message);
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(" | ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return line.toString();
    }
}
