package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.token.Channel;
import org.junit.jupiter.api.Test;

/** The start-up check that the upstream feeds the calibration's signal, on hand-made probe replies. */
class UpstreamSignalCheckTest {
    private static final double[] ENTROPIES = {0.5, 0.5, 0.5, 0.5};

    private static EntropyGate gate(Signal s) {
        return new EntropyGate(1.0, "custom", 20, s);
    }

    /** A probe reply of answer tokens with top-k logprobs but, per {@code chosen}, with or without the sampled token's logprob. */
    private static StepEntropyAccumulator reply(double chosen) {
        StepEntropyAccumulator a = new StepEntropyAccumulator();
        for (int i = 0; i < 5; i++) {
            a.add(ENTROPIES, 0.0, Channel.ANSWER, "t", chosen, 2.5);
        }
        return a;
    }

    @Test
    void meanNllIsRefusedWhenTheServerSendsNoSampledTokenLogprob() {
        UpstreamSignalCheck.Verdict v = UpstreamSignalCheck.of(gate(Signal.MEAN_NLL), reply(Double.NaN));
        assertThat(v.refusal()).contains("mean-nll").contains("sampled token's logprob").contains("every request would be refined");
        assertThat(UpstreamSignalCheck.of(gate(Signal.MEAN_NLL), reply(-0.3))).isEqualTo(new UpstreamSignalCheck.Verdict(null, null));
    }

    @Test
    void aReplyWithoutPerTokenScoresRefusesDeepConfButServesTheEntropies() {
        StepEntropyAccumulator old = new StepEntropyAccumulator();
        old.add(ENTROPIES, 0.0, Channel.ANSWER, "t");
        assertThat(UpstreamSignalCheck.of(gate(Signal.DEEPCONF_MEAN), old).refusal()).contains("deepconf-mean")
                .contains("its probe reply");
        assertThat(UpstreamSignalCheck.of(gate(Signal.FIRST_64_ENTROPY), old).refusal()).isNull();
        assertThat(UpstreamSignalCheck.of(gate(Signal.DEEPCONF_MEAN), reply(-0.3)).refusal()).isNull();
    }

    @Test
    void aChannelSignalWithoutItsChannelInTheShortProbeOnlyWarns() {
        UpstreamSignalCheck.Verdict v = UpstreamSignalCheck.of(gate(Signal.REASONING_ENTROPY), reply(-0.3));
        assertThat(v.refusal()).isNull();
        assertThat(v.warning()).contains("reasoning-entropy").contains("no-signal");
    }
}
