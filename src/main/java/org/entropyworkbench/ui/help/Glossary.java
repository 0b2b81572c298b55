package org.entropyworkbench.ui.help;

import java.util.List;
import java.util.Optional;

/**
 * The in-app glossary: every term the screens show, explained in a few sentences (the long form is
 * docs/method.md). Ids are what {@link org.entropyworkbench.ui.common.HelpRequest} carries. Plain Java.
 */
public final class Glossary {

    /** One explained term. */
    public record Entry(String id, String term, String text) {
    }

    /** The guide's first page: what to do, in order. */
    public static final Entry GUIDE = new Entry("guide", "Guide: the workbench in five steps", """
            1. Datasets: load questions (AIME-style JSONL, GPQA-style CSV, or your own file through the \
            field-mapping dialog), or use a built-in set.
            2. Run: choose the server and model, press Probe (it checks that logprobs come back), then Start. \
            A full run asks every question in S steps and records the entropy of every token. \
            "Replay recorded run…" streams a recorded file through the same screen.
            3. Analysis: see how well step-1 entropy H separates right from wrong answers, and move the \
            threshold τ (slider, arrow keys, the field, or drag on the histogram) to see what stopping \
            early would save and cost. Click a question to read it, step by step, tinted by entropy.
            4. Calibration: compute τ from a few labelled questions (n-shot draws) and export the \
            calibration file a gated run uses.
            5. Compare: put several runs side by side.
            Click any metric tile for its entry here. The method in full: docs/method.md.""");

    private static final List<Entry> ENTRIES = List.of(
            new Entry("h", "H (mean token entropy)", """
                    For each generated token the server returns the log-probabilities of its top k \
                    candidates (k = 20 by default). Renormalised over those k, their Shannon entropy in bits \
                    is 0 when the model was certain and at most log₂ k (4.32 bits for k = 20) when it was \
                    torn. H of a step is the mean over all its tokens with logprobs (reasoning and answer \
                    alike). H1 is H of step 1, the confidence signal the method uses."""),
            new Entry("tau", "τ (threshold)", """
                    The entropy, in bits, at or below which a question stops after step 1: stop when \
                    H1 ≤ τ, otherwise refine in steps 2..S. A higher τ stops more questions: more savings, \
                    more risk. τ comes from one of the four rules, or is set by hand (custom)."""),
            new Entry("rules", "The four rules", """
                    Each computes τ from step-1 entropies split by correctness (mean μ and standard \
                    deviation σ of the correct (c) and incorrect (i) answers, Cohen's d between them).
                    Entropy mean: τ = μc. Conservative; needs only correct examples.
                    Information-theoretic: τ = μc + σc·ln(1 + |d|).
                    Bayes optimal: where the two classes' normal curves, weighted by their priors, cross \
                    between μc and μi (falls back to the entropy mean when they do not).
                    Scale-invariant universal: τ = μc + (√|d| / (1 + √|d|))·(μi − μc)·max(0, 1 − σc/μc). \
                    Usually the most savings.
                    The last three need at least 2 correct and 2 incorrect examples; otherwise they are \
                    shown as unavailable, with the reason."""),
            new Entry("step1-acc", "Step-1 accuracy", """
                    The share of questions whose step-1 answer is correct: what the model gets right in \
                    one call."""),
            new Entry("s-step-acc", "S-step accuracy (e.g. 4-step)", """
                    The share of questions whose answer after the last step S is correct: the baseline \
                    that runs every step of every question. Gated accuracy is compared with it."""),
            new Entry("gated-acc", "Gated accuracy", """
                    The accuracy of the early-stopping system at the current τ: the step-1 answer for \
                    the questions that stop (H1 ≤ τ), the step-S answer for the others."""),
            new Entry("thresh-acc", "Thresh Acc", """
                    Step-1 accuracy of the stopped questions only (H1 ≤ τ): how often stopping early \
                    kept a right answer. High Thresh Acc means the gate stops the right questions."""),
            new Entry("delta-acc", "Δ-Acc", """
                    Gated accuracy minus S-step accuracy, in percentage points. 0 means stopping early \
                    cost no accuracy; negative means some questions would have been fixed by refining."""),
            new Entry("token-savings", "Token savings", """
                    The completion tokens of steps 2..S of the stopped questions, as a share of all \
                    tokens of all steps of all questions: the generated text (and so time and money) not \
                    spent."""),
            new Entry("call-savings", "Call savings", """
                    (S−1)·stopped / (S·N): the share of API calls not made. It reaches (S−1)/S (75 % \
                    for S = 4) when every question stops. It differs from token savings because steps \
                    differ in length: stopping a question whose later steps were short saves calls but \
                    few tokens. The paper does not say which one it reports; the workbench shows both."""),
            new Entry("stopped", "Stopped", """
                    Questions with H1 ≤ τ, which a gated run answers after step 1, out of all complete \
                    questions."""),
            new Entry("cohens-d", "Cohen's d, p and overlap", """
                    How far apart the step-1 entropies of correct and incorrect answers are, in pooled \
                    standard deviations (positive: correct answers have lower entropy). p is a Welch \
                    t-test; overlap is the shared area of the two histograms. d near 0 means entropy \
                    does not tell right from wrong on this run."""),
            new Entry("auroc", "AUROC and the 95 % intervals", """
                    AUROC is the chance that a correct step-1 answer looks more confident than an incorrect \
                    one under the chosen signal (0.5 = chance, 1 = perfect). The bracket under a figure is its \
                    95 % percentile bootstrap interval: the questions are resampled with replacement 2,000 times \
                    (fixed seed) and the figure, or the rule's τ, savings and Δ-Acc with τ re-estimated, computed \
                    on each. The whisker bar draws it, with a tick at chance (AUROC 0.5) or zero (d, Δ-Acc): an \
                    interval across the tick means this run cannot tell the effect from none."""));

    private Glossary() {
    }

    /** Every entry, in reading order (the guide not included). */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry with {@code id}, the guide for "guide". */
    public static Optional<Entry> find(String id) {
        if (GUIDE.id().equals(id)) {
            return Optional.of(GUIDE);
        }
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
