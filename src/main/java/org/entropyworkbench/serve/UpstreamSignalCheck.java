package org.entropyworkbench.serve;

import java.util.List;
import java.util.stream.Collectors;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalNeed;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;

/**
 * Whether the upstream sends what the calibration's signal needs, judged on the start-up probe's reply
 * ({@code CapabilityProbe} hands its tokens to a {@link StepEntropyAccumulator}): the probe's tokens
 * become a step record exactly as a served request's step 1 does, and the gate computes its signal
 * from it. A signal the upstream cannot feed (e.g. the negative log-likelihood from a server that
 * sends no logprob for the sampled token) would refine every request, so {@code ew serve} refuses it.
 * A channel signal that finds no token of its channel in the short probe only warns: a longer reply
 * may have some. Stateless.
 */
public final class UpstreamSignalCheck {

    /**
     * @param refusal why the gate cannot run on this upstream, or null
     * @param warning something the user should know but that does not stop the proxy, or null
     */
    public record Verdict(String refusal, String warning) {
        static final Verdict OK = new Verdict(null, null);
    }

    private UpstreamSignalCheck() {
    }

    /** The verdict for {@code gate}'s signal on the probe's tokens; OK when the probe saw no token at all. */
    public static Verdict of(EntropyGate gate, StepEntropyAccumulator probeTokens) {
        if (probeTokens.size() == 0) {
            return Verdict.OK;
        }
        ChatResult result = new ChatResult(null, null, -1, probeTokens.size(), -1, "stop", probeTokens.size(), null);
        StepRecord step = StepRecords.of("probe", 1, List.of(ChatMessage.user("probe")), "probe", "probe", 0, 0,
                gate.k(), result, probeTokens, false, 0, 0);
        Signal signal = gate.signal();
        String name = "signal '" + signal.id() + "' (" + signal.label() + ")";
        String missing = StepSignals.unavailableReason(signal, StepTokenData.of(step, gate.k()));
        if (missing != null) {
            return new Verdict("the calibration's " + name + " cannot be computed from this upstream: "
                    + missing.replace("the step-1 records", "its probe reply"), null);
        }
        if (!Double.isNaN(gate.signal(step))) {
            return Verdict.OK;
        }
        String needs = signal.needs().stream().map(SignalNeed::description).collect(Collectors.joining(" and "));
        if (signal.needs().contains(SignalNeed.CHANNELS)) {
            return new Verdict(null, "the probe's short reply had no token with logprobs on the channel " + name
                    + " reads; requests whose step 1 has none will be refined (decision no-signal)");
        }
        return new Verdict("the calibration's " + name + " needs " + needs + ", and this upstream's probe reply ("
                + probeTokens.size() + " tokens) carried none: every request would be refined. Serve with a calibration"
                + " on another signal (ew calibrate --signal), or use a server that sends them", null);
    }
}
