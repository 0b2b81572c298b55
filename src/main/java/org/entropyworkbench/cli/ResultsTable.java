package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.entropyworkbench.core.analysis.ChannelMeans;
import org.entropyworkbench.core.analysis.RuleNote;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.analysis.TopKAblationRow;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * Prints one analysed run as text: the paper's Table 1 columns per threshold rule, then the top-k
 * ablation (method.md sections 6 and 8.5).
 */
final class ResultsTable {

    private ResultsTable() {
    }

    static void print(RunAnalysis a, String fileLabel, PrintWriter out) {
        RunHeader h = a.header();
        out.println("== " + fileLabel);
        out.println("   " + nullToDash(h.title()) + (h.simulated() ? "   [SIMULATED]" : ""));
        out.printf(Locale.ROOT, "   model %s, dataset %s, %d questions with step 1, %d complete (%d steps)%s, k = %d, priors %s%n",
                nullToDash(h.model()), nullToDash(h.dataset()), a.runOutcomes().step1Count(), a.outcomes().size(),
                a.steps(), a.incompleteQuestionIds().isEmpty() ? "" : ", " + a.incompleteQuestionIds().size() + " incomplete",
                a.options().k(), a.options().priors().id());
        String grading = a.gradingState().note(a.runOutcomes().ungradedIds().size());
        if (a.gradingState() == GradingState.UNGRADED) {
            UngradedReport.print(a, out);
            return;
        } else if (grading != null) {
            out.println("   note: " + grading);
        }
        Separation s = a.separationInSignalUnits();
        String signalLabel = a.signal() == Signal.DEFAULT ? "step-1 entropy (bits)"
                : a.signal().id() + " (" + a.signal().unit() + ", " + a.signal().direction().label() + ")";
        out.printf(Locale.ROOT, "   " + signalLabel + ": correct n=%d mean %s sd %s | incorrect n=%d mean %s sd %s | Cohen's d %s, p %s%n",
                s.correct().n(), Numbers.fixed(s.correct().mean(), 4), Numbers.fixed(s.correct().sd(), 4),
                s.incorrect().n(), Numbers.fixed(s.incorrect().mean(), 4), Numbers.fixed(s.incorrect().sd(), 4),
                Numbers.fixed(s.cohensD(), 3), Numbers.pValue(s.pValue()));
        if (s.note() != null) {
            out.println("   note: " + s.note());
        }
        if (!a.runOutcomes().failedQuestionIds().isEmpty()) {
            out.printf(Locale.ROOT, "   %d question(s) failed (the server refused a step as too long for its context): %s;"
                    + " they count as not correct in the step-1 accuracy over all questions (%s of %d) and are left"
                    + " out of the entropy statistics and of the table below (complete questions only)%n",
                    a.runOutcomes().failedQuestionIds().size(), String.join(", ", a.runOutcomes().failedQuestionIds()),
                    Numbers.percent(a.step1Accuracy()), a.runOutcomes().step1Count());
        }
        printChannelMeans(a, out);
        out.println();
        String stepsAcc = a.steps() + "-Step Acc";
        String format = "%-27s %8s %11s %11s %11s %10s %10s %10s %10s %9s%n";
        out.printf(Locale.ROOT, format, "Method", "tau", "Step-1 Acc", stepsAcc, "Thresh Acc", "Gated Acc",
                "Token Sav", "Call Sav", "Delta-Acc", "Stopped");
        for (ThresholdMethod m : ThresholdMethod.values()) {
            TradeoffPoint p = a.atMethod(m);
            out.printf(Locale.ROOT, format, m.label(), Numbers.fixed(a.tauInSignalUnits(m), 4),
                    Numbers.percent(p.step1Accuracy()), Numbers.percent(p.finalAccuracy()), Numbers.percent(p.threshAccuracy()),
                    Numbers.percent(p.gatedAccuracy()), Numbers.percent(p.tokenSavings()), Numbers.percent(p.callSavings()),
                    Numbers.points(p.deltaAccuracyPoints()), p.stopped() + "/" + p.n());
        }
        for (ThresholdMethod m : ThresholdMethod.values()) {
            String note = RuleNote.inSignalUnits(a.thresholds().result(m), a.signal());
            if (note != null) {
                out.println("   " + m.label() + ": " + note);
            }
        }
        out.println("   Token Sav: completion tokens of steps 2.." + a.steps() + " saved by stopping / all completion tokens;"
                + " Call Sav: calls saved / all calls.");
        out.println();
        printAblation(a, out);
        out.println();
    }

    /** Which tokens H averages, then the per-channel class means when the records tell channels apart. */
    private static void printChannelMeans(RunAnalysis a, PrintWriter out) {
        ChannelMeans c = a.channelMeans();
        out.println("   H = mean entropy over " + ChannelMeans.MAIN_H_TOKENS + ".");
        if (!c.available()) {
            out.println("   per-channel means: n/a (" + noChannelMeansReason(a) + ")");
            return;
        }
        out.printf(Locale.ROOT, "   per-channel step-1 means (bits): correct reasoning %s (n=%d), answer %s (n=%d)"
                        + " | incorrect reasoning %s (n=%d), answer %s (n=%d)%n",
                Numbers.fixed(c.correctReasoning().mean(), 4), c.correctReasoning().n(),
                Numbers.fixed(c.correctAnswer().mean(), 4), c.correctAnswer().n(),
                Numbers.fixed(c.incorrectReasoning().mean(), 4), c.incorrectReasoning().n(),
                Numbers.fixed(c.incorrectAnswer().mean(), 4), c.incorrectAnswer().n());
    }

    /** Why there are no per-channel means: no graded step 1 to split into classes, or no channel codes. */
    static String noChannelMeansReason(RunAnalysis a) {
        int withStep1 = a.runOutcomes().step1Count();
        if (withStep1 == 0) {
            return "no question has a step-1 record";
        }
        if (a.runOutcomes().step1Labels().isEmpty()) {
            int ungradable = a.runOutcomes().ungradableStep1Ids().size();
            int noEntropy = a.runOutcomes().noEntropyStep1Ids().size();
            return "no step-1 answer is both graded and has entropies, so there are no correct/incorrect classes: "
                    + ungradable + " of " + withStep1 + " step-1 answers could not be graded (no answer found)"
                    + (noEntropy > 0 ? ", " + noEntropy + " have no usable logprobs" : "");
        }
        return "the graded step-1 records carry no channel codes";
    }

    private static void printAblation(RunAnalysis a, PrintWriter out) {
        out.println("Top-k ablation (H from the top k logprobs of each token; tau / token savings per rule):");
        String format = "%4s %5s %5s %8s %9s %18s %18s %18s %18s%n";
        out.printf(Locale.ROOT, format, "k", "n_c", "n_i", "d", "p", "Entropy mean", "Info-theoretic",
                "Bayes optimal", "Universal");
        for (TopKAblationRow row : a.topKAblation()) {
            if (!row.recorded()) {
                out.printf(Locale.ROOT, "%4d  (no entropies recorded for this k)%n", row.k());
                continue;
            }
            String[] cells = new String[ThresholdMethod.values().length];
            for (ThresholdMethod m : ThresholdMethod.values()) {
                cells[m.ordinal()] = Numbers.fixed(a.signal().direction().orient(row.tau().get(m)), 4) + " / " + Numbers.percent(row.tokenSavings().get(m));
            }
            out.printf(Locale.ROOT, format, row.k(), row.nCorrect(), row.nIncorrect(), Numbers.fixed(row.cohensD(), 3),
                    Numbers.pValue(row.pValue()), cells[0], cells[1], cells[2], cells[3]);
        }
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
