package org.entropyworkbench.core.tradeoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Builds run files in memory for the analysis tests (the run-file reader is tested elsewhere).
 * Test code only; not thread-safe.
 */
public final class SyntheticRunFixture {

    private final List<StepRecord> steps = new ArrayList<>();
    private final int stepsPerQuestion;

    public SyntheticRunFixture(int stepsPerQuestion) {
        this.stepsPerQuestion = stepsPerQuestion;
    }

    /** A step record whose per-token entropies for k = 5, 10, 15, 20 are given explicitly. */
    public static StepRecord step(String q, int step, Boolean correct, int completionTokens, Map<Integer, double[]> byK) {
        return new StepRecord(q, step, "hash", "test-model", "test-server http://localhost", 0.7, 8192, 20,
                "answer", null, correct == null ? null : "1", "1", correct, 10, completionTokens, "stop",
                null, null, byK, null, null, List.of(), 0L, 1L);
    }

    /** A step whose tokens all have entropy {@code h} at every k. */
    public static StepRecord step(String q, int step, Boolean correct, int completionTokens, double h) {
        Map<Integer, double[]> byK = new HashMap<>();
        for (int k : new int[] {5, 10, 15, 20}) {
            byK.put(k, new double[] {h, h, h});
        }
        return step(q, step, correct, completionTokens, byK);
    }

    /** Adds a question with all steps; correctness per step and tokens per step given. */
    public SyntheticRunFixture question(String id, double h1, Boolean[] correct, int[] tokens) {
        for (int s = 0; s < stepsPerQuestion; s++) {
            steps.add(step(id, s + 1, correct[s], tokens[s], s == 0 ? h1 : 0.5));
        }
        return this;
    }

    /** Adds only the given step records. */
    public SyntheticRunFixture add(StepRecord r) {
        steps.add(r);
        return this;
    }

    public RunFile build() {
        return new RunFile(Path.of("synthetic.jsonl"), header(stepsPerQuestion), steps, List.of(), false);
    }

    public static RunHeader header(int steps) {
        return new RunHeader(1, "run-1", "2025-01-01T00:00:00Z", "test", "synthetic", "test-model",
                "test-server http://localhost", "synthetic-set", null, "integer", "full", steps, 20, 0.7, 8192,
                null, Map.of(), true, Map.of(), Map.of());
    }

    /**
     * Random outcomes: correct step-1 answers have lower entropy (reasoning-model pattern).
     * Entropies are rounded to 2 decimals so ties occur.
     */
    public static List<QuestionOutcome> randomOutcomes(int n, int steps, long seed) {
        Random r = new Random(seed);
        List<QuestionOutcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean ok1 = r.nextDouble() < 0.6;
            double h = Math.round((ok1 ? 0.8 : 1.07) * 100 + r.nextGaussian() * 15) / 100.0;
            Boolean[] correct = new Boolean[steps];
            int[] tokens = new int[steps];
            correct[0] = r.nextDouble() < 0.05 ? null : ok1;
            for (int s = 1; s < steps; s++) {
                correct[s] = r.nextDouble() < 0.65;
            }
            for (int s = 0; s < steps; s++) {
                tokens[s] = 100 + r.nextInt(5000);
            }
            out.add(new QuestionOutcome("q" + i, h, correct, tokens));
        }
        return out;
    }
}
