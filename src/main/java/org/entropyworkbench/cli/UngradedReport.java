package org.entropyworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * What {@code ew analyze} prints for a run without gold answers (an {@code ew serve --record} file, an
 * import without expected answers): the step-1 signal's distribution with a text histogram, the stop rate
 * and token savings at the τ the run's header names (a gated run or serve record), and the reason the
 * accuracy columns and the rules are missing. Text and the {@code --json} object share the numbers.
 */
final class UngradedReport {

    private static final int HISTOGRAM_BINS = 10;

    private UngradedReport() {
    }

    /** The τ the run's header names ({@code calibration.tau}) in the analysis signal's units, or NaN. */
    static double headerTau(RunAnalysis a) {
        Object tau = a.header().calibration().get("tau");
        Object signal = a.header().calibration().get("signal");
        String signalId = signal == null ? Signal.DEFAULT.id() : signal.toString();
        boolean sameSignal = signalId.equals(a.signal().id()) || ("step1-mean-entropy".equals(signalId)
                && a.signal() == Signal.DEFAULT);
        return tau instanceof Number n && sameSignal ? n.doubleValue() : Double.NaN;
    }

    /** The step-1 scores in the signal's own units, sorted. */
    private static double[] scores(RunAnalysis a) {
        double[] h = a.runOutcomes().allStep1H();
        for (int i = 0; i < h.length; i++) {
            h[i] = a.signal().direction().orient(h[i]);
        }
        Arrays.sort(h);
        return h;
    }

    static void print(RunAnalysis a, PrintWriter out) {
        double[] h = scores(a);
        out.println("   no gold answers in this run: accuracy, Cohen's d, p, AUROC and the threshold rules need graded"
                + " questions; shown is what needs none.");
        out.printf(Locale.ROOT, "   %d questions, %d with a step-1 %s: min %s, median %s, mean %s, max %s%n",
                a.runOutcomes().questionCount(), h.length, a.signal().id(), Numbers.fixed(at(h, 0), 4),
                Numbers.fixed(quantile(h, 0.5), 4), Numbers.fixed(mean(h), 4), Numbers.fixed(at(h, h.length - 1), 4));
        if (h.length > 0) {
            double lo = h[0];
            double width = Math.max(h[h.length - 1] - lo, 1e-9) / HISTOGRAM_BINS;
            int[] counts = counts(h, lo, width);
            int max = Arrays.stream(counts).max().orElse(1);
            for (int i = 0; i < counts.length; i++) {
                out.printf(Locale.ROOT, "   %8.4f-%-8.4f %5d %s%n", lo + i * width, lo + (i + 1) * width, counts[i],
                        "#".repeat((int) Math.round(40.0 * counts[i] / Math.max(1, max))));
            }
        }
        double tau = headerTau(a);
        if (Double.isNaN(tau)) {
            out.println("   stop rate: the run's header names no τ (a gated run or serve record does)");
        } else {
            TradeoffPoint p = a.tradeoff().evaluate(a.signal().direction().orient(tau));
            out.printf(Locale.ROOT, "   at the header's τ %s: stop rate %s of %d; token savings %s, call savings %s"
                            + " over the %d complete question(s)%n", Numbers.fixed(tau, 4),
                    Numbers.percent(a.stopRate(tau)), h.length, Numbers.percent(p.tokenSavings()),
                    Numbers.percent(p.callSavings()), p.n());
        }
        out.println();
    }

    /** The {@code ungraded} object of the JSON output. */
    static ObjectNode json(RunAnalysis a) {
        double[] h = scores(a);
        ObjectNode o = AnalysisJson.JSON.createObjectNode();
        o.put("questions", a.runOutcomes().questionCount());
        o.put("withSignal", h.length);
        o.put("min", Numbers.jsonNumber(at(h, 0)));
        o.put("median", Numbers.jsonNumber(quantile(h, 0.5)));
        o.put("mean", Numbers.jsonNumber(mean(h)));
        o.put("max", Numbers.jsonNumber(at(h, h.length - 1)));
        ObjectNode hist = o.putObject("histogram");
        if (h.length > 0) {
            double width = Math.max(h[h.length - 1] - h[0], 1e-9) / HISTOGRAM_BINS;
            hist.put("lower", h[0]);
            hist.put("width", width);
            ArrayNode counts = hist.putArray("counts");
            Arrays.stream(counts(h, h[0], width)).forEach(counts::add);
        }
        double tau = headerTau(a);
        o.put("headerTau", Numbers.jsonNumber(tau));
        TradeoffPoint p = Double.isNaN(tau) ? null : a.tradeoff().evaluate(a.signal().direction().orient(tau));
        o.put("stopRate", Numbers.jsonNumber(Double.isNaN(tau) ? Double.NaN : a.stopRate(tau)));
        o.put("tokenSavings", Numbers.jsonNumber(p == null ? Double.NaN : p.tokenSavings()));
        o.put("callSavings", Numbers.jsonNumber(p == null ? Double.NaN : p.callSavings()));
        o.put("savingsQuestions", p == null ? 0 : p.n());
        o.put("stopRateReason", Double.isNaN(tau) ? "the run's header names no τ" : null);
        return o;
    }

    /** Sets every figure that needs classes to null, with the reason beside it. */
    static void nullClassFigures(ObjectNode run) {
        run.put("accuracyReason", GradingState.NO_GOLD_REASON);
        ObjectNode sep = (ObjectNode) run.get("separation");
        for (String f : new String[] {"cohensD", "pValue", "overlap"}) {
            sep.putNull(f);
        }
        sep.put("reason", GradingState.NO_GOLD_REASON);
        for (var m : run.withArray("methods")) {
            ObjectNode mo = (ObjectNode) m;
            for (String f : new String[] {"step1Accuracy", "finalAccuracy", "threshAccuracy", "gatedAccuracy",
                    "deltaAccuracyPoints"}) {
                mo.putNull(f);
            }
            mo.put("reason", GradingState.NO_GOLD_REASON);
        }
    }

    private static int[] counts(double[] sorted, double lo, double width) {
        int[] c = new int[HISTOGRAM_BINS];
        for (double v : sorted) {
            c[Math.min(HISTOGRAM_BINS - 1, (int) Math.floor((v - lo) / width))]++;
        }
        return c;
    }

    private static double at(double[] h, int i) {
        return h.length == 0 ? Double.NaN : h[i];
    }

    private static double mean(double[] h) {
        return h.length == 0 ? Double.NaN : Arrays.stream(h).sum() / h.length;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
