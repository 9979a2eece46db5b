package io.github.promptscope.util;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long loop: a bar with ETA in a terminal, one line rewritten in place in a
 * notebook (the kernel sets {@code promptscope.progress=line}), nothing when
 * {@code promptscope.progress=off} (tests, batch jobs).
 */
public interface Progress extends AutoCloseable {

    /** Marks {@code done} units complete, with a short status (loss, rate, ...). */
    void update(long done, String message);

    @Override
    void close();

    /** The system property that picks the display: {@code bar} (default), {@code line} or {@code off}. */
    String PROPERTY = "promptscope.progress";

    static Progress start(String task, long total, long alreadyDone) {
        String mode = System.getProperty(PROPERTY, "bar");
        return switch (mode) {
            case "off" -> new Progress() {
                @Override
                public void update(long done, String message) {}

                @Override
                public void close() {}
            };
            case "line" -> new LineProgress(task, total, System.out);
            default -> new BarProgress(task, total, alreadyDone);
        };
    }

    /**
     * Progress off until the returned scope closes, then the setting from before (a notebook's {@code line}, or
     * none) back: for a command whose own output replaces the inner loops' progress, without silencing the
     * calls that come after it in the same JVM. Use in try-with-resources.
     */
    static Off off() {
        return new Off(System.getProperty(PROPERTY));
    }

    /** The scope {@link #off()} opens; closing it restores the setting it found. */
    final class Off implements AutoCloseable {
        private final String previous;

        private Off(String previous) {
            this.previous = previous;
            System.setProperty(PROPERTY, "off");
        }

        @Override
        public void close() {
            if (previous == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, previous);
            }
        }
    }

    /** A terminal bar on stderr, so it never mixes with a command's output on stdout. */
    final class BarProgress implements Progress {
        private final ProgressBar bar;

        BarProgress(String task, long total, long alreadyDone) {
            this.bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .startsFrom(alreadyDone, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }

        @Override
        public void update(long done, String message) {
            bar.stepTo(done);
            bar.setExtraMessage(message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** One line rewritten with a carriage return, at most twice a second. */
    final class LineProgress implements Progress {
        private final String task;
        private final long total;
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long lastPrint;

        LineProgress(String task, long total, PrintStream out) {
            this.task = task;
            this.total = total;
            this.out = out;
        }

        @Override
        public void update(long done, String message) {
            long now = System.nanoTime();
            if (now - lastPrint < 500_000_000L && done < total) {
                return;
            }
            lastPrint = now;
            double secs = (now - started) / 1e9;
            out.printf("\r%s %d/%d (%.0f%%) %.0fs %s   ", task, done, total, 100.0 * done / Math.max(1, total), secs, message);
            out.flush();
        }

        @Override
        public void close() {
            out.println();
        }
    }
}
