package org.entropyworkbench.core.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.token.TokenView;
import org.junit.jupiter.api.Test;

class StepEntropyAccumulatorTest {

    /** A reusable token view, like providers hand out. */
    private static final class FakeToken implements TokenView {
        String text;
        Channel channel;
        double[] lp;
        String[] tokens;

        FakeToken set(String text, Channel channel, double[] lp, String[] tokens) {
            this.text = text;
            this.channel = channel;
            this.lp = lp;
            this.tokens = tokens;
            return this;
        }

        @Override public String text() { return text; }
        @Override public double logprob() { return lp.length == 0 ? Double.NaN : lp[0]; }
        @Override public Channel channel() { return channel; }
        @Override public int topCount() { return lp.length; }
        @Override public String topToken(int i) { return tokens[i]; }
        @Override public double topLogprob(int i) { return lp[i]; }
    }

    private static double[] uniform(int n) {
        double[] lp = new double[n];
        Arrays.fill(lp, Math.log(1.0 / n));
        return lp;
    }

    private static String[] names(int n) {
        String[] t = new String[n];
        for (int i = 0; i < n; i++) {
            t[i] = "tok" + i;
        }
        return t;
    }

    @Test
    void recordsEntropyPerKChannelsTailAndTokens() {
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        FakeToken t = new FakeToken();
        acc.onToken(t.set("Hel", Channel.REASONING, uniform(20), names(20)));
        acc.onToken(t.set("lo", Channel.ANSWER, new double[] {0.0}, new String[] {"lo"}));
        acc.onToken(t.set("<|end|>", Channel.CONTROL, new double[0], new String[0]));

        assertThat(acc.size()).isEqualTo(3);
        assertThat(acc.missingLogprobs()).isEqualTo(1);
        assertThat(acc.channels()).isEqualTo("RAC");
        assertThat(acc.tokens()).containsExactly("Hel", "lo", "<|end|>");
        Map<Integer, double[]> byK = acc.entropyByK();
        assertThat(byK).containsOnlyKeys(5, 10, 15, 20);
        assertThat(byK.get(20)[0]).isCloseTo(Math.log(20) / Math.log(2), within(1e-12));
        assertThat(byK.get(5)[0]).isCloseTo(Math.log(5) / Math.log(2), within(1e-12));
        assertThat(byK.get(20)[1]).isEqualTo(0.0);
        assertThat(byK.get(20)[2]).isNaN();
        assertThat(acc.lastEntropy()).isNaN();
        assertThat(acc.tailMass()[0]).isCloseTo(0.0, within(1e-12));
        assertThat(acc.tailMass()[2]).isNaN();
    }

    @Test
    void copiesAreIndependentOfLaterTokens() {
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        FakeToken t = new FakeToken();
        acc.onToken(t.set("a", Channel.ANSWER, uniform(4), names(4)));
        double[] first = acc.entropyByK().get(20);
        acc.onToken(t.set("b", Channel.ANSWER, uniform(2), names(2)));
        assertThat(first).hasSize(1);
        assertThat(acc.entropyByK().get(20)).hasSize(2);
        assertThat(acc.lastEntropy()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void growsBeyondInitialCapacity() {
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        FakeToken t = new FakeToken();
        for (int i = 0; i < 1000; i++) {
            acc.onToken(t.set("x", Channel.ANSWER, uniform(1 + i % 20), names(1 + i % 20)));
        }
        assertThat(acc.size()).isEqualTo(1000);
        double[] h = acc.entropyByK().get(20);
        assertThat(h[999]).isCloseTo(Math.log(20) / Math.log(2), within(1e-12));
        assertThat(h[0]).isEqualTo(0.0);
        assertThat(acc.channels()).hasSize(1000);
        assertThat(acc.tailMass()).hasSize(1000);
    }

    @Test
    void addAcceptsPrecomputedEntropiesAndNullText() {
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        acc.add(new double[] {0.1, 0.2, 0.3, 0.4}, 0.05, Channel.ANSWER, null);
        assertThat(acc.tokens()).containsExactly("");
        assertThat(acc.entropyByK().get(15)).containsExactly(0.3);
        assertThat(acc.lastEntropy()).isEqualTo(0.4);
    }

    @Test
    void meanIgnoresNaNAndFiltersByChannel() {
        double[] h = {1.0, Double.NaN, 3.0, 5.0};
        assertThat(StepEntropyAccumulator.mean(h, "RRAA", null)).isCloseTo(3.0, within(1e-12));
        assertThat(StepEntropyAccumulator.mean(h, "RRAA", Channel.REASONING)).isCloseTo(1.0, within(1e-12));
        assertThat(StepEntropyAccumulator.mean(h, "RRAA", Channel.ANSWER)).isCloseTo(4.0, within(1e-12));
        assertThat(StepEntropyAccumulator.mean(h, "RRAA", Channel.CONTROL)).isNaN();
        assertThat(StepEntropyAccumulator.mean(h, null, Channel.ANSWER)).isNaN();
        assertThat(StepEntropyAccumulator.mean(h, "RR", Channel.REASONING)).isCloseTo(1.0, within(1e-12));
        assertThat(StepEntropyAccumulator.mean(new double[0], null, null)).isNaN();
    }

    @Test
    void emptyAccumulator() {
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        assertThat(acc.size()).isZero();
        assertThat(acc.lastEntropy()).isNaN();
        assertThat(acc.entropyByK().get(20)).isEmpty();
        assertThat(acc.channels()).isEmpty();
    }
}
