package org.entropyworkbench.core.follow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.StepSummary;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SummarySignals;

/**
 * Token and call savings at τ of a run without gold answers where not every question has all S steps
 * (a gated {@code ew serve} record keeps step 1 only for the requests it stopped): every question counts,
 * and a question without recorded refinement steps is charged the mean refinement cost of those that have
 * them, as the Follow screen estimates it. On a run where every question is complete this is the exact
 * savings of method.md. Stateless.
 *
 * @param tokenSavings   1 − tokens at τ / tokens of always refining; NaN when nothing can be estimated
 * @param callSavings    (S − 1) · stopped / (S · N) over every question with a score
 * @param stopped        questions at or below τ
 * @param questions      questions with a step-1 score
 * @param estimated      questions whose refinement cost is the mean estimate (0: exact)
 */
public record UngradedSavings(double tokenSavings, double callSavings, int stopped, int questions, int estimated) {

    /** The savings of {@code a}'s questions at τ (the signal's own units). */
    public static UngradedSavings of(RunAnalysis a, double tauInSignalUnits) {
        ToDoubleFunction<StepSummary> score = score(a);
        Map<String, long[]> byQuestion = new LinkedHashMap<>(); // step-1 tokens, refine tokens, refine steps, has step 1
        Map<String, Double> scores = new LinkedHashMap<>();
        for (StepSummary s : a.summary().steps()) {
            long[] q = byQuestion.computeIfAbsent(s.questionId(), id -> new long[4]);
            long tokens = Math.max(0, s.completionTokens());
            if (s.step() == 1 && q[3] == 0) {
                q[0] = tokens;
                q[3] = 1;
                scores.put(s.questionId(), score.applyAsDouble(s));
            } else if (s.step() > 1) {
                q[1] += tokens;
                q[2]++;
            }
        }
        long refineSum = 0;
        int refined = 0;
        for (long[] q : byQuestion.values()) {
            if (q[3] == 1 && q[2] > 0) {
                refineSum += q[1];
                refined++;
            }
        }
        double meanRefine = refined == 0 ? Double.NaN : (double) refineSum / refined;
        double gateTau = a.signal().direction().orient(tauInSignalUnits);
        double atTau = 0;
        double always = 0;
        int stopped = 0;
        int questions = 0;
        int estimated = 0;
        for (Map.Entry<String, long[]> e : byQuestion.entrySet()) {
            long[] q = e.getValue();
            Double h = scores.get(e.getKey());
            if (q[3] == 0 || h == null || Double.isNaN(h)) {
                continue;
            }
            questions++;
            double refine = q[2] > 0 ? q[1] : meanRefine;
            if (q[2] == 0) {
                estimated++;
            }
            always += q[0] + refine;
            boolean stops = a.signal().direction().orient(h) <= gateTau;
            stopped += stops ? 1 : 0;
            atTau += q[0] + (stops ? 0 : refine);
        }
        int steps = a.steps();
        double tokens = questions == 0 || Double.isNaN(always) || always <= 0 ? Double.NaN : 1 - atTau / always;
        double calls = questions == 0 ? Double.NaN : (double) (steps - 1) * stopped / ((double) steps * questions);
        return new UngradedSavings(tokens, calls, stopped, questions, estimated);
    }

    /** The step-1 score in the signal's own units, from the summary as the analysis reads it; NaN when absent. */
    private static ToDoubleFunction<StepSummary> score(RunAnalysis a) {
        int k = a.options().k();
        Signal signal = a.signal();
        if (signal == Signal.MEAN_ENTROPY) {
            return s -> s.meanAll(k);
        }
        ToDoubleFunction<StepSummary> gate = SummarySignals.gateScore(signal, k);
        return s -> SummarySignals.hasScores(s) ? signal.direction().orient(gate.applyAsDouble(s)) : Double.NaN;
    }
}
