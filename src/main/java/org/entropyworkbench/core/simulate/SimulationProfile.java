package org.entropyworkbench.core.simulate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a simulated model behaves: accuracy, the step-1 mean-entropy distribution of correct and of
 * incorrect answers, how refinement changes answers, and how many tokens a step costs.
 *
 * <p>The two built-in profiles resemble the paper (method.md sections 3 and 8): a reasoning model
 * whose correct answers have clearly lower entropy (mu_c 0.80 vs mu_i 1.07 bits, configured Cohen's d
 * about 0.84), and an instruction model without that separation (configured d about -0.16, realised about -0.2, incorrect
 * answers slightly lower, like the paper's Llama 3.3 70B). Immutable.
 *
 * @param name                 profile id used on the command line and in run headers
 * @param model                model name written into simulated records
 * @param step1Accuracy        probability that the step-1 answer is correct
 * @param meanEntropyCorrect   mean of a correct step's mean token entropy (bits, k = 20)
 * @param sdEntropyCorrect     its standard deviation between questions
 * @param meanEntropyIncorrect mean of an incorrect step's mean token entropy (bits, k = 20)
 * @param sdEntropyIncorrect   its standard deviation between questions
 * @param entropyDriftPerStep  added to both class means for every step after the first
 * @param fixRate              per refinement step: probability that a wrong answer becomes right (at the
 *                             midpoint of the two class means when {@code fixEntropyScale > 0})
 * @param fixEntropyScale      0: the fix rate is the same for every question; greater than 0: confident
 *                             (low step-1 entropy) wrong answers are rarely fixed and uncertain ones more
 *                             often, fixRate * 2 / (1 + exp(-(H1 - midpoint) / scale)), which keeps the
 *                             paper's near-zero accuracy loss of early stopping
 * @param breakRate            per refinement step: probability that a right answer becomes wrong
 * @param medianStep1Tokens    median completion tokens of a correct step 1 (log-normal)
 * @param medianRefineTokens   median completion tokens of a correct refinement step
 * @param incorrectLengthFactor how much longer incorrect answers run
 * @param tokenSpread          log-normal sigma of completion tokens
 * @param minTokens            fewest completion tokens of a step
 * @param maxTokens            most completion tokens of a step (below the 8,192 per-step limit)
 * @param reasoningShare       fraction of a step's tokens on the reasoning channel (0 = no separate reasoning)
 */
public record SimulationProfile(
        String name,
        String model,
        double step1Accuracy,
        double meanEntropyCorrect,
        double sdEntropyCorrect,
        double meanEntropyIncorrect,
        double sdEntropyIncorrect,
        double entropyDriftPerStep,
        double fixRate,
        double fixEntropyScale,
        double breakRate,
        int medianStep1Tokens,
        int medianRefineTokens,
        double incorrectLengthFactor,
        double tokenSpread,
        int minTokens,
        int maxTokens,
        double reasoningShare) {

    public static final String REASONING = "reasoning";
    public static final String INSTRUCTION = "instruction";

    /** A GPT-OSS-like reasoning model: correct answers have clearly lower entropy. */
    public static SimulationProfile reasoning() {
        return new SimulationProfile(REASONING, "simulated-reasoning-model", 0.68,
                0.80, 0.30, 1.07, 0.34, -0.02,
                0.20, 0.10, 0.015,
                2600, 1400, 1.5, 0.45, 800, 8000, 0.92);
    }

    /** A Llama-3.3-70B-like instruction model: no useful entropy separation (d about -0.2). */
    public static SimulationProfile instruction() {
        return new SimulationProfile(INSTRUCTION, "simulated-instruction-model", 0.42,
                0.60, 0.28, 0.555, 0.28, 0.0,
                0.08, 0.0, 0.03,
                900, 700, 1.2, 0.40, 200, 4000, 0.0);
    }

    /** The built-in profile with this name (case-insensitive). */
    public static SimulationProfile byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case REASONING: return reasoning();
            case INSTRUCTION: return instruction();
            default: throw new IllegalArgumentException("unknown simulation profile '" + name
                    + "' (expected " + REASONING + " or " + INSTRUCTION + ")");
        }
    }

    /** Probability that refinement fixes a wrong answer of a question whose step-1 entropy was {@code h1}. */
    public double fixProbability(double h1) {
        if (fixEntropyScale <= 0) {
            return fixRate;
        }
        double midpoint = (meanEntropyCorrect + meanEntropyIncorrect) / 2;
        return Math.min(0.9, fixRate * 2 / (1 + Math.exp(-(h1 - midpoint) / fixEntropyScale)));
    }

    /** Cohen's d the entropy distributions are configured with: (mu_i - mu_c) / pooled SD, equal class sizes. */
    public double configuredCohensD() {
        double pooled = Math.sqrt((sdEntropyCorrect * sdEntropyCorrect + sdEntropyIncorrect * sdEntropyIncorrect) / 2);
        return (meanEntropyIncorrect - meanEntropyCorrect) / pooled;
    }

    /** Every parameter by name, for the run header's {@code generator} object. */
    public Map<String, Object> asParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("step1Accuracy", step1Accuracy);
        m.put("meanEntropyCorrect", meanEntropyCorrect);
        m.put("sdEntropyCorrect", sdEntropyCorrect);
        m.put("meanEntropyIncorrect", meanEntropyIncorrect);
        m.put("sdEntropyIncorrect", sdEntropyIncorrect);
        m.put("entropyDriftPerStep", entropyDriftPerStep);
        m.put("fixRate", fixRate);
        m.put("fixEntropyScale", fixEntropyScale);
        m.put("breakRate", breakRate);
        m.put("medianStep1Tokens", medianStep1Tokens);
        m.put("medianRefineTokens", medianRefineTokens);
        m.put("incorrectLengthFactor", incorrectLengthFactor);
        m.put("tokenSpread", tokenSpread);
        m.put("minTokens", minTokens);
        m.put("maxTokens", maxTokens);
        m.put("reasoningShare", reasoningShare);
        m.put("configuredCohensD", Math.round(configuredCohensD() * 1000) / 1000.0);
        return m;
    }
}
