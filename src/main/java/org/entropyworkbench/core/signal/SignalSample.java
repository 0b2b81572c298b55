package org.entropyworkbench.core.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.StopCount;
import org.entropyworkbench.core.tradeoff.RunOutcomes;

/**
 * The questions of one run under one signal, as flat arrays sorted once by gate score (low =
 * confident, NaN last): the unit the bootstrap resamples. A question may carry a step-1 label (a
 * gradable step 1 with a finite score: class statistics, AUROC, rules) and/or a full outcome (all S
 * steps: savings and accuracy), exactly as {@link RunOutcomes} splits them.
 *
 * <p>Immutable after construction (arrays exposed package-privately for speed); any thread.
 */
public final class SignalSample {

    final int size;
    /** Gate scores ascending, NaN last. */
    final double[] score;
    final int finiteCount;
    final boolean[] labelled;
    final boolean[] correct;
    final boolean[] complete;
    final int[] okStep1;
    final int[] okFinal;
    final long[] savedTokens;
    final long[] totalTokens;
    final List<QuestionOutcome> outcomes;
    /**
     * Per sorted position, the rank of the question's id among the sample's ids (string order): the
     * order the bootstrap draws in, the same under every signal of a run, so one draw serves them all.
     */
    final int[] rankOfPosition;
    private final List<String> ids;

    private SignalSample(List<Row> rows) {
        rows.sort((a, b) -> Double.compare(a.score, b.score));
        size = rows.size();
        score = new double[size];
        labelled = new boolean[size];
        correct = new boolean[size];
        complete = new boolean[size];
        okStep1 = new int[size];
        okFinal = new int[size];
        savedTokens = new long[size];
        totalTokens = new long[size];
        List<QuestionOutcome> outs = new ArrayList<>(size);
        List<String> idList = new ArrayList<>(size);
        int finite = 0;
        for (int q = 0; q < size; q++) {
            Row r = rows.get(q);
            idList.add(r.id);
            score[q] = r.score;
            if (!Double.isNaN(r.score)) {
                finite++;
            }
            labelled[q] = r.labelled;
            correct[q] = r.correct;
            QuestionOutcome o = r.outcome;
            outs.add(o);
            if (o != null) {
                complete[q] = true;
                okStep1[q] = o.correctAtStep1() ? 1 : 0;
                okFinal[q] = o.correctAtLastStep() ? 1 : 0;
                savedTokens[q] = o.tokensAfterStep1();
                totalTokens[q] = o.totalTokens();
            }
        }
        finiteCount = finite;
        outcomes = outs;
        ids = List.copyOf(idList);
        Integer[] byId = new Integer[size];
        for (int q = 0; q < size; q++) {
            byId[q] = q;
        }
        Arrays.sort(byId, (a, b) -> ids.get(a).compareTo(ids.get(b)));
        rankOfPosition = new int[size];
        for (int r = 0; r < size; r++) {
            rankOfPosition[byId[r]] = r;
        }
    }

    /** The sample of a run's outcomes under the signal whose gate scores they hold. */
    public static SignalSample of(RunOutcomes.Result result) {
        Map<String, Row> byId = new LinkedHashMap<>();
        for (RunOutcomes.Step1Label l : result.step1Labels()) {
            Row r = byId.computeIfAbsent(l.questionId(), Row::new);
            r.score = l.h1();
            r.labelled = true;
            r.correct = l.correct();
        }
        for (QuestionOutcome o : result.outcomes()) {
            Row r = byId.computeIfAbsent(o.questionId(), Row::new);
            r.score = o.h1();
            r.outcome = o;
        }
        return new SignalSample(new ArrayList<>(byId.values()));
    }

    /** Questions in the sample (labelled, complete or both). */
    public int size() { return size; }

    /** Question ids in sorted (gate-score) order. */
    public List<String> ids() { return ids; }

    /** Gate scores in sorted order, a copy. */
    public double[] scores() { return Arrays.copyOf(score, size); }

    /** Number of sorted positions with a score ≤ τ (a binary search); 0 for NaN τ. */
    int stoppedAt(double tau) {
        return StopCount.atMost(score, finiteCount, tau);
    }

    private static final class Row {
        final String id;
        double score = Double.NaN;
        boolean labelled;
        boolean correct;
        QuestionOutcome outcome;

        Row(String id) {
            this.id = id;
        }
    }
}
