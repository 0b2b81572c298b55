package org.entropyworkbench.ui.run;

import java.util.Locale;
import org.entropyworkbench.core.runner.RunProgress;

/**
 * Progress text of a live run: counts, elapsed time and the time left estimated from this session's
 * step rate. Plain Java, any thread.
 */
final class RunEta {

    private RunEta() {
    }

    /**
     * Milliseconds left from the session's rate, or -1 when unknown.
     *
     * @param stepsAtStart steps already recorded when the session started (a resumed run)
     */
    static long millisLeft(RunProgress p, int stepsAtStart) {
        int madeNow = p.stepsDone() - stepsAtStart;
        int left = p.stepsPlanned() - p.stepsDone();
        if (madeNow <= 0 || left < 0 || p.elapsedMillis() <= 0) {
            return -1;
        }
        return Math.round((double) p.elapsedMillis() / madeNow * left);
    }

    /** e.g. "12 / 30 questions · 48 / 120 steps · 1.2 M tokens · 0:42 elapsed · about 1:10 left". */
    static String describe(RunProgress p, int stepsAtStart) {
        long left = millisLeft(p, stepsAtStart);
        String eta = p.stepsDone() >= p.stepsPlanned() && p.stepsPlanned() > 0 ? "done"
                : left < 0 ? "time left: estimating…" : "about " + clock(left) + " left";
        return String.format(Locale.ROOT, "%d / %d questions · %d / %d steps · %s tokens · %s elapsed · %s%s",
                p.questionsDone(), p.questionsTotal(), p.stepsDone(), p.stepsPlanned(), compact(p.tokens()),
                clock(p.elapsedMillis()), eta, p.retries() > 0 ? " · " + p.retries() + " retries" : "");
    }

    static String clock(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.0f k", n / 1e3);
        }
        return Long.toString(n);
    }
}
