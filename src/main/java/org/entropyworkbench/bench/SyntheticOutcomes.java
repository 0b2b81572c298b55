package org.entropyworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;

/**
 * Seeded question outcomes for the analysis benchmarks: step-1 entropies drawn from per-class
 * normal distributions like the reasoning profile (correct ~ N(0.80, 0.15), incorrect ~ N(1.07, 0.18)),
 * correctness that refinement mostly keeps or fixes, and 800..8000 tokens per step. No file needed.
 */
public final class SyntheticOutcomes {

    private SyntheticOutcomes() {
    }

    public static List<QuestionOutcome> generate(int questions, int steps, long seed) {
        Random random = new Random(seed);
        List<QuestionOutcome> out = new ArrayList<>(questions);
        for (int q = 0; q < questions; q++) {
            boolean ok1 = random.nextDouble() < 0.6;
            double h1 = ok1 ? 0.80 + 0.15 * random.nextGaussian() : 1.07 + 0.18 * random.nextGaussian();
            Boolean[] correct = new Boolean[steps];
            int[] tokens = new int[steps];
            boolean ok = ok1;
            for (int s = 0; s < steps; s++) {
                if (s > 0) {
                    ok = ok ? random.nextDouble() > 0.02 : random.nextDouble() < 0.15;
                }
                correct[s] = random.nextDouble() < 0.01 ? null : ok;
                tokens[s] = 800 + random.nextInt(7200);
            }
            if (correct[0] == null) {
                correct[0] = ok1;
            }
            out.add(new QuestionOutcome("q" + q, Math.max(0, h1), correct, tokens));
        }
        return out;
    }
}
