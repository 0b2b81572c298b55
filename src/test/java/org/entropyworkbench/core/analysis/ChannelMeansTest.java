package org.entropyworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.junit.jupiter.api.Test;

class ChannelMeansTest {

    /** A step-1 record with the given per-token entropies (same at every k) and channel codes. */
    private static StepRecord step1(String id, boolean correct, String channels, double... h) {
        Map<Integer, double[]> byK = Map.of(5, h, 10, h, 15, h, 20, h);
        return new StepRecord(id, 1, "hash", "m", "s", 0.7, 8192, 20, "text", null, "1", "1", correct, 10, h.length,
                "stop", null, channels, byK, null, null, List.of(), 0L, 1L);
    }

    private static RunFile run(StepRecord... records) {
        SyntheticRunFixture f = new SyntheticRunFixture(1);
        for (StepRecord r : records) {
            f.add(r);
        }
        return f.build();
    }

    @Test
    void meansPerClassAndChannelFromTheStepOneRecords() {
        RunFile run = run(
                step1("a", true, "RRCA", 1.0, 0.5, 3.0, 0.2),
                step1("b", true, "RRAA", 0.3, 0.1, 0.6, Double.NaN),
                step1("c", false, "RRRA", 2.0, 1.0, 1.5, 0.9),
                step1("d", false, "RRRR", 1.2, 1.2, 1.2, 1.2));

        ChannelMeans c = RunAnalysis.of(run, AnalysisOptions.defaults()).channelMeans();

        assertThat(c.available()).isTrue();
        assertThat(c.withChannels()).isEqualTo(4);
        // reasoning: a -> (1.0 + 0.5) / 2 = 0.75, b -> 0.2; mean 0.475
        assertThat(c.correctReasoning().n()).isEqualTo(2);
        assertThat(c.correctReasoning().mean()).isCloseTo(0.475, within(1e-12));
        // answer: a -> 0.2, b -> 0.6 (the NaN position does not count); the control token counts in neither
        assertThat(c.correctAnswer().n()).isEqualTo(2);
        assertThat(c.correctAnswer().mean()).isCloseTo(0.4, within(1e-12));
        // incorrect reasoning: c -> 1.5, d -> 1.2; answer only c (d has no answer token)
        assertThat(c.incorrectReasoning().n()).isEqualTo(2);
        assertThat(c.incorrectReasoning().mean()).isCloseTo(1.35, within(1e-12));
        assertThat(c.incorrectAnswer().n()).isEqualTo(1);
        assertThat(c.incorrectAnswer().mean()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void theMainEntropyStillAveragesEveryTokenWhateverItsChannel() {
        RunFile run = run(step1("a", true, "RRCA", 1.0, 0.5, 3.0, 0.2), step1("b", false, "RRRA", 2.0, 1.0, 1.5, 0.9));

        RunAnalysis a = RunAnalysis.of(run, AnalysisOptions.defaults());

        assertThat(a.separation().correct().mean()).isCloseTo((1.0 + 0.5 + 3.0 + 0.2) / 4, within(1e-12));
        assertThat(a.channelMeans().correctReasoning().mean()).isCloseTo(0.75, within(1e-12));
        assertThat(ChannelMeans.MAIN_H_TOKENS).contains("all tokens");
    }

    @Test
    void recordsWithoutChannelsGiveNoChannelMeans() {
        RunFile run = run(step1("a", true, null, 0.4, 0.6), step1("b", false, null, 1.0, 1.2));

        ChannelMeans c = RunAnalysis.of(run, AnalysisOptions.defaults()).channelMeans();

        assertThat(c.available()).isFalse();
        assertThat(c.correctReasoning().n()).isZero();
        assertThat(c.incorrectAnswer().mean()).isNaN();
    }

    @Test
    void ungradableStepOnesAreNotInAnyClass() {
        StepRecord ungradable = new StepRecord("u", 1, "hash", "m", "s", 0.7, 8192, 20, "text", null, null, "1", null,
                10, 2, "stop", null, "RA", Map.of(20, new double[] {5.0, 5.0}), null, null, List.of(), 0L, 1L);
        RunFile run = run(step1("a", true, "RA", 0.4, 0.6), ungradable);

        ChannelMeans c = RunAnalysis.of(run, AnalysisOptions.defaults()).channelMeans();

        assertThat(c.withChannels()).isEqualTo(1);
        assertThat(c.correctReasoning().mean()).isCloseTo(0.4, within(1e-12));
        assertThat(c.incorrectReasoning().n()).isZero();
    }
}
