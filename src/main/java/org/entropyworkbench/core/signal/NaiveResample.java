package org.entropyworkbench.core.signal;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.stats.Discrimination;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.TradeoffEvaluator;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/**
 * The obvious way to evaluate one bootstrap resample: copy the drawn questions out, then run the
 * ordinary analysis on the copy (class statistics with the t-test, the four rules, a new trade-off
 * evaluator that sorts, AUROC by sorting). Kept as the same-run baseline of the benchmark and as the
 * test oracle the fast {@link WeightedResampleKernel} must agree with. Any thread.
 */
public final class NaiveResample {

    private final SignalSample s;
    private final SignalDirection direction;
    private final ThresholdOptions options;

    public NaiveResample(SignalSample sample, SignalDirection direction, ThresholdOptions options) {
        this.s = sample;
        this.direction = direction;
        this.options = options;
    }

    /** Fills {@code out} for the resample made of these drawn sorted positions (repeats allowed). */
    public void evaluate(int[] drawn, double[] out) {
        double[] c = new double[drawn.length];
        double[] i = new double[drawn.length];
        int nc = 0;
        int ni = 0;
        List<QuestionOutcome> outcomes = new ArrayList<>();
        for (int q : drawn) {
            if (s.labelled[q]) {
                if (s.correct[q]) {
                    c[nc++] = s.score[q];
                } else {
                    i[ni++] = s.score[q];
                }
            }
            if (s.complete[q]) {
                outcomes.add(s.outcomes.get(q));
            }
        }
        double[] correct = java.util.Arrays.copyOf(c, nc);
        double[] incorrect = java.util.Arrays.copyOf(i, ni);
        out[ResampleStatistic.AUROC] = Discrimination.auroc(correct, incorrect);
        ThresholdSet set = new ThresholdCalculator().compute(correct, incorrect, options);
        out[ResampleStatistic.COHENS_D] = set.separation().cohensD();
        TradeoffEvaluator evaluator = new TradeoffEvaluator(outcomes);
        for (ThresholdMethod m : ThresholdMethod.values()) {
            double tau = set.tau(m);
            out[ResampleStatistic.tau(m)] = direction.orient(tau);
            if (outcomes.isEmpty()) {
                out[ResampleStatistic.savings(m)] = Double.NaN;
                out[ResampleStatistic.deltaAccuracy(m)] = Double.NaN;
            } else {
                TradeoffPoint p = evaluator.evaluate(tau);
                out[ResampleStatistic.savings(m)] = p.tokenSavings();
                out[ResampleStatistic.deltaAccuracy(m)] = p.deltaAccuracyPoints();
            }
        }
    }
}
