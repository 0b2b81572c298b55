package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.entropyworkbench.core.runner.RunListener;
import org.entropyworkbench.core.runner.RunProgress;

/**
 * Progress on stderr: a bar redrawn in place with carriage returns (at most 5 times a second)
 * on a terminal, plain lines (at most one every 5 s) otherwise. Called on run worker threads.
 */
final class TerminalProgress implements RunListener {

    enum Style { BAR, LINES, NONE }

    private static final long BAR_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();
    private static final long LINE_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final Style style;
    private long lastDrawNanos = Long.MIN_VALUE;
    private RunProgress latest;
    private boolean barShown;

    TerminalProgress(PrintWriter err, Style style) {
        this.err = err;
        this.style = style;
    }

    @Override
    public synchronized void onProgress(RunProgress progress) {
        latest = progress;
        long now = System.nanoTime();
        long interval = style == Style.BAR ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        if (style == Style.NONE || (lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < interval)) {
            return;
        }
        lastDrawNanos = now;
        draw(progress);
    }

    @Override
    public synchronized void onWarning(String message) {
        if (barShown) {
            err.print("\r\033[K");
            barShown = false;
        }
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void onServedModelDiffers(String endpointLabel, String requested, String served) {
        onWarning(endpointLabel + " answers as model '" + served + "', not '" + requested + "' as asked"
                + " (a wrong --model name?); each step records the served name as servedModel");
    }

    /** Draws the last state once more and ends the bar's line. */
    synchronized void finish() {
        if (latest != null && style != Style.NONE) {
            draw(latest);
        }
        if (barShown) {
            err.println();
            barShown = false;
        }
        err.flush();
    }

    private void draw(RunProgress p) {
        String line = line(p);
        if (style == Style.BAR) {
            err.print("\r" + line + "\033[K");
            barShown = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String line(RunProgress p) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '#' : '.');
        }
        b.append(String.format(Locale.ROOT, "] %3.0f%%  %d/%d steps  %d/%d questions  %,d tokens  %d retries  %s",
                100 * p.fraction(), p.stepsDone(), p.stepsPlanned(), p.questionsDone(), p.questionsTotal(),
                p.tokens(), p.retries(), duration(p.elapsedMillis())));
        return b.toString();
    }

    static String duration(long millis) {
        long s = millis / 1000;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
