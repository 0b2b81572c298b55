package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Hand-made run records for the run-file tests. */
final class RunRecords {

    private RunRecords() {
    }

    static RunHeader header() {
        return new RunHeader(1, "run-test-1", "2025-01-01T00:00:00Z", "0.1.0", "test / AIME-shaped", "model-x",
                "vllm http://localhost:8000/v1", "aime-like", null, "integer", "full", 4, 20, 0.7, 8192, "high",
                Map.of("system", "You are careful.", "step1", "Solve: {question}"), false,
                Map.of(), Map.of("method", "entropy-mean", "tau", 0.8));
    }

    /** A full record with every optional part present; entropies already on 4 decimals. */
    static StepRecord full(String q, int step) {
        double[] e20 = {0.0123, 1.5, Double.NaN, 0};
        double[] e5 = {0.01, 1.25, Double.NaN, 0};
        return new StepRecord(q, step, "ab12", "model-x", "vllm http://localhost:8000/v1", 0.7, 8192, 20,
                "The answer is \\boxed{42}.\n\"quoted\"", "thinking…", "42", "42", Boolean.TRUE, 120, 5, "stop",
                List.of("The", " answer", " is", " 42"), "RRAA", Map.of(20, e20, 5, e5),
                new double[] {0.001, 0.05, Double.NaN, 0},
                List.of(top("The", -0.01), top(" answer", -0.3), top(" is", -9999), top(" 42", 0)),
                List.of("token-count-mismatch"), 1735689600000L, 4200,
                new double[] {-0.0123457, -0.25, Double.NaN, 0}, new double[] {4.5, 3.1234567, Double.NaN, 7});
    }

    /** A minimal record: no tokens, no top, no tail, ungradable. */
    static StepRecord small(String q, int step, double... entropies) {
        return new StepRecord(q, step, null, "model-x", "srv", Double.NaN, 100, 20, "no answer", null, null, "7", null,
                -1, entropies.length, null, null, null, Map.of(20, entropies), null, null, List.of(), 0, 0);
    }

    private static StepRecord.TopLogprobs top(String token, double lp) {
        return new StepRecord.TopLogprobs(List.of(token, "x"), new double[] {lp, -2.5});
    }

    private static void assertSameArray(double[] actual, double[] expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).containsExactly(expected);
        }
    }

    /** Field-by-field equality (records hold arrays, so equals() compares identity). */
    static void assertSameRecord(StepRecord actual, StepRecord expected) {
        assertThat(actual).usingRecursiveComparison()
                .ignoringFields("entropyByK", "tailMass", "topLogprobs", "temperature", "chosenLogprob",
                        "tokenConfidence")
                .isEqualTo(expected);
        assertSameArray(actual.chosenLogprob(), expected.chosenLogprob());
        assertSameArray(actual.tokenConfidence(), expected.tokenConfidence());
        assertThat(Double.compare(actual.temperature(), expected.temperature())).as("temperature").isZero();
        assertThat(actual.entropyByK().keySet()).isEqualTo(expected.entropyByK().keySet());
        for (Integer k : expected.entropyByK().keySet()) {
            assertThat(actual.entropyByK().get(k)).containsExactly(expected.entropyByK().get(k));
        }
        if (expected.tailMass() == null) {
            assertThat(actual.tailMass()).isNull();
        } else {
            assertThat(actual.tailMass()).containsExactly(expected.tailMass());
        }
        if (expected.topLogprobs() == null) {
            assertThat(actual.topLogprobs()).isNull();
        } else {
            assertThat(actual.topLogprobs()).hasSameSizeAs(expected.topLogprobs());
            for (int i = 0; i < expected.topLogprobs().size(); i++) {
                assertThat(actual.topLogprobs().get(i).tokens()).isEqualTo(expected.topLogprobs().get(i).tokens());
                assertThat(actual.topLogprobs().get(i).logprobs()).containsExactly(expected.topLogprobs().get(i).logprobs());
            }
        }
    }
}
