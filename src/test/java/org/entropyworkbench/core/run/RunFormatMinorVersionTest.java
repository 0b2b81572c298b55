package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;
import org.junit.jupiter.api.Test;

/** Run format 1.1: chosen-token logprobs and token confidences, 7-decimal entropies, 1.0 files still read. */
class RunFormatMinorVersionTest {

    private final StepLineCodec codec = new StepLineCodec();
    private final FastStepLineReader fast = new FastStepLineReader();

    private StepRecord jackson(String line, RunFileReader.Detail detail) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(line)) {
            p.nextToken();
            return codec.read(p, detail);
        }
    }

    private StepRecord fast(String line, RunFileReader.Detail detail) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return fast.read(bytes, 0, bytes.length, detail);
    }

    @Test
    void tokenScoresSurviveBothReadersInEveryDetail() throws IOException {
        StepRecord original = RunRecords.full("q3", 1);
        String line = codec.toLine(original);
        assertThat(line).contains("\"lp\":[-0.0123457,-0.25,null,0]").contains("\"conf\":[4.5,3.1234567,null,7]");
        for (RunFileReader.Detail detail : RunFileReader.Detail.values()) {
            for (StepRecord back : List.of(jackson(line, detail), fast(line, detail))) {
                assertThat(back.chosenLogprob()).containsExactly(-0.0123457, -0.25, Double.NaN, 0.0);
                assertThat(back.tokenConfidence()).containsExactly(4.5, 3.1234567, Double.NaN, 7.0);
            }
        }
    }

    @Test
    void aFormat10LineReadsWithoutTokenScores() throws IOException {
        String line = "{\"type\":\"step\",\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":[0.1235,2]},\"flags\":[]}";
        assertThat(jackson(line, RunFileReader.Detail.FULL).chosenLogprob()).isNull();
        assertThat(fast(line, RunFileReader.Detail.SUMMARY).tokenConfidence()).isNull();
        assertThat(fast(line, RunFileReader.Detail.SUMMARY).entropies(20)).containsExactly(0.1235, 2.0);
    }

    @Test
    void aTokenScoreArrayOfTheWrongLengthNamesItsField() {
        assertThatThrownBy(() -> jackson("{\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":[1,2]},\"lp\":[-1]}",
                RunFileReader.Detail.SUMMARY))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).describe())
                        .isEqualTo("field \"lp\": has 1 entries but the entropy arrays have 2"));
        assertThat(fast("{\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":[1,2]},\"conf\":[1]}", RunFileReader.Detail.FULL))
                .as("the fast path hands the bad line to the Jackson path for the message").isNull();
    }

    @Test
    void headerCarriesTheMinorVersion() {
        String header = new String(RunHeaderCodec.toLineBytes(RunRecords.header()), StandardCharsets.UTF_8);
        assertThat(header).contains("\"version\":1,\"minor\":1");
    }

    /**
     * The bound: every rule's τ computed from a run file is within 1e-6 bits of τ from the
     * exact per-token entropies. Short steps make rounding matter most, so step lengths go down to 1;
     * the same data rounded to 4 decimals (format 1.0) misses the bound, which shows the test can fail.
     */
    @Test
    void thresholdsFromAFileAreWithinOneMillionthOfABitOfTheExactOnes() throws IOException {
        double worst7 = 0;
        double worst4 = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<double[]> correctTokens = new ArrayList<>();
            List<double[]> incorrectTokens = new ArrayList<>();
            for (int q = 0; q < 60; q++) {
                boolean correct = r.nextDouble() < 0.6;
                double[] e = new double[1 + r.nextInt(40)];
                for (int i = 0; i < e.length; i++) {
                    e[i] = r.nextDouble() < (correct ? 0.15 : 0.3) ? 4.3 * r.nextDouble() : 0.02 * r.nextDouble();
                }
                (correct ? correctTokens : incorrectTokens).add(e);
            }
            ThresholdSet exact = thresholds(correctTokens, incorrectTokens, -1);
            ThresholdSet fromFile = thresholds(correctTokens, incorrectTokens, 7);
            ThresholdSet oldFormat = thresholds(correctTokens, incorrectTokens, 4);
            for (ThresholdMethod m : ThresholdMethod.values()) {
                worst7 = Math.max(worst7, Math.abs(fromFile.tau(m) - exact.tau(m)));
                worst4 = Math.max(worst4, Math.abs(oldFormat.tau(m) - exact.tau(m)));
            }
        }
        assertThat(worst7).isLessThanOrEqualTo(1e-6);
        assertThat(worst4).isGreaterThan(1e-6);
    }

    /** τ of each rule from per-question mean entropies: exact (decimals -1), or after a trip through a run-file line. */
    private ThresholdSet thresholds(List<double[]> correct, List<double[]> incorrect, int decimals) throws IOException {
        return new ThresholdCalculator().compute(means(correct, decimals), means(incorrect, decimals),
                ThresholdOptions.defaults());
    }

    private double[] means(List<double[]> steps, int decimals) throws IOException {
        double[] out = new double[steps.size()];
        for (int q = 0; q < steps.size(); q++) {
            double[] e = steps.get(q);
            double[] stored;
            if (decimals < 0) {
                stored = e;
            } else if (decimals == StepLineCodec.ENTROPY_DECIMALS) {
                StepRecord written = RunRecords.small("q" + q, 1, e);
                stored = fast(codec.toLine(written), RunFileReader.Detail.SUMMARY).entropies(20);
            } else {
                stored = new double[e.length];
                double scale = Math.pow(10, decimals);
                for (int i = 0; i < e.length; i++) {
                    stored[i] = Math.round(e[i] * scale) / scale;
                }
            }
            double sum = 0;
            for (double v : stored) {
                sum += v;
            }
            out[q] = sum / stored.length;
        }
        return out;
    }
}
