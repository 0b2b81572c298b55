package org.entropyworkbench.serve;

import java.util.Locale;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.run.StepRecord;

/**
 * The gate's whole decision in one place: the confidence signal computed from step 1's tokens and
 * its comparison with τ. Today the signal is the method's mean token entropy at the calibration's k,
 * computed by the same code a run uses for its step-1 H ({@link StepEntropyAccumulator#mean}); a
 * calibration carrying another signal plugs in here and nowhere else.
 *
 * <p>Immutable, thread-safe.
 *
 * @param tau  threshold in bits: stop when the signal is at most τ
 * @param rule where τ came from: a threshold rule's id, or "custom"
 * @param k    top-k whose per-token entropies are averaged
 */
public record EntropyGate(double tau, String rule, int k) {

    /** The signal's name as the reply's extension object reports it. */
    public static final String SIGNAL = org.entropyworkbench.core.calibration.CalibrationFile.DEFAULT_SIGNAL;

    /** What the gate does with one request. */
    public enum Decision {
        /** H ≤ τ: step 1's answer is the reply. */
        STOP,
        /** H > τ: the refinement steps run. */
        REFINE,
        /** Step 1 carried no usable logprobs, so no H: refined, as the safe side. */
        NO_SIGNAL;

        /** Lower-case id for JSON, headers and metric labels. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public EntropyGate {
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be a finite number of bits, got " + tau);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
    }

    /** The signal of a finished step 1: mean entropy (bits) at k over positions with logprobs; NaN when none. */
    public double signal(StepRecord step1) {
        return StepEntropyAccumulator.mean(step1.entropies(k), step1.channels(), null);
    }

    public Decision decide(double signal) {
        if (Double.isNaN(signal)) {
            return Decision.NO_SIGNAL;
        }
        return signal <= tau ? Decision.STOP : Decision.REFINE;
    }
}
