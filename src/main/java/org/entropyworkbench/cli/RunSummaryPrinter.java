package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entropyworkbench.core.runner.RunConfig;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.core.runner.RunProgress;
import org.entropyworkbench.core.runner.RunSummary;

/**
 * Prints the summary {@code ewb run} shows when a run ends (status, counts, accuracies, flags,
 * elapsed time) on the caller's thread.
 */
final class RunSummaryPrinter {

    private RunSummaryPrinter() {
    }

    static void print(PrintWriter out, RunSummary s, RunConfig config) {
        RunProgress p = s.progress();
        out.println("run " + s.status().name().toLowerCase(Locale.ROOT) + ": " + s.output());
        out.printf(Locale.ROOT, "  questions      %d (%d finished%s)%n", p.questionsTotal(), s.questionsFinished(),
                s.questionsFailed() == 0 ? "" : ", " + s.questionsFailed() + " failed: the server refused a step as too"
                        + " long for its context; counted as not correct");
        out.printf(Locale.ROOT, "  steps          %d (%d this session)%n", p.stepsDone(), s.stepsThisSession());
        out.printf(Locale.ROOT, "  tokens         %,d%n", p.tokens());
        out.printf(Locale.ROOT, "  step-1 acc.    %s%n", percent(s.step1Accuracy(), s.questionsWithStep1()));
        out.printf(Locale.ROOT, "  final acc.     %s%n", percent(s.finalAccuracy(),
                s.questionsFinished() + s.questionsFailed()));
        if (config.mode() == RunMode.GATED) {
            out.printf(Locale.ROOT, "  stopped after step 1  %d%n", s.stoppedAfterStep1());
        }
        if (!s.servedModels().isEmpty()) {
            out.printf(Locale.ROOT, "  served model   %s (asked for %s)%n", String.join(", ", s.servedModels()),
                    config.model());
        }
        out.printf(Locale.ROOT, "  retries        %d%n", p.retries());
        out.printf(Locale.ROOT, "  flags          %s%n", flags(s.flagCounts()));
        out.printf(Locale.ROOT, "  elapsed        %s%n", TerminalProgress.duration(p.elapsedMillis()));
        out.flush();
    }

    private static String percent(double fraction, int of) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * fraction, Math.round(fraction * of), of);
    }

    private static String flags(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }
}
