package org.entropyworkbench.core.tradeoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Budget reallocation: <b>our reading of App. A.2</b> of the paper (method.md section 7 and
 * section 12, item 16); the paper's δ and γ are not modelled.
 *
 * <p>The budget is α = N · S calls (the full protocol's). Every question gets step 1 (N calls).
 * Confident questions (H1 ≤ τ, inclusive) get nothing more. The R = α - N remaining calls go only
 * to the uncertain questions U: each gets ⌊R / |U|⌋ extra refinement steps, and the R mod |U|
 * left over go one each to the highest-entropy uncertain questions first (a question without a
 * usable entropy, H1 = NaN, counts as uncertain and ranks highest). Total calls = α by
 * construction, which {@link #allocate} checks. When |U| = 0 nobody can use the remaining calls:
 * they are reported as {@link Allocation#unallocatedCalls()} and allocated + unallocated = α.
 * There is no per-question cap: with few uncertain questions each receives many steps.
 *
 * <p>Stateless, any thread; O(N log N).
 */
public final class BudgetReallocation {

    private BudgetReallocation() {
    }

    /**
     * One question's share.
     *
     * @param questionId question id
     * @param h1         its step-1 entropy (bits)
     * @param confident  H1 ≤ τ
     * @param calls      total calls (steps) it gets, including step 1
     */
    public record QuestionBudget(String questionId, double h1, boolean confident, int calls) {
    }

    /**
     * The allocation.
     *
     * @param alpha            budget α = N · S
     * @param tau              threshold used
     * @param stepsPerQuestion S of the baseline protocol
     * @param questions        per question, in input order
     * @param confidentCount   |C|
     * @param uncertainCount   |U|
     * @param allocatedCalls   Σ calls (= α unless |U| = 0)
     * @param unallocatedCalls calls nobody could use (only when |U| = 0)
     */
    public record Allocation(long alpha, double tau, int stepsPerQuestion, List<QuestionBudget> questions,
                             int confidentCount, int uncertainCount, long allocatedCalls, long unallocatedCalls) {
        public Allocation {
            questions = List.copyOf(questions);
        }

        /** Calls per question id (input order). */
        public Map<String, Integer> callsById() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (QuestionBudget q : questions) {
                m.put(q.questionId(), q.calls());
            }
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * Allocates α = N · S calls.
     *
     * @param questionIds      the N questions
     * @param step1Entropies   their step-1 entropies, same order (NaN = no usable logprobs)
     * @param tau              the threshold (stop iff H1 ≤ τ)
     * @param stepsPerQuestion S ≥ 1
     * @throws IllegalArgumentException when the arrays differ in length or S &lt; 1
     */
    public static Allocation allocate(List<String> questionIds, double[] step1Entropies, double tau, int stepsPerQuestion) {
        int n = questionIds.size();
        if (step1Entropies.length != n) {
            throw new IllegalArgumentException("got " + n + " question ids but " + step1Entropies.length + " entropies");
        }
        if (stepsPerQuestion < 1) {
            throw new IllegalArgumentException("steps per question must be at least 1, got " + stepsPerQuestion);
        }
        long alpha = (long) n * stepsPerQuestion;
        long[] calls = new long[n];
        List<Integer> uncertain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls[i] = 1;
            if (!(step1Entropies[i] <= tau)) {
                uncertain.add(i);
            }
        }
        long remaining = alpha - n;
        long unallocated = 0;
        if (uncertain.isEmpty()) {
            unallocated = remaining;
        } else {
            long each = remaining / uncertain.size();
            long extra = remaining % uncertain.size();
            uncertain.sort((x, y) -> {
                int byEntropy = Double.compare(step1Entropies[y], step1Entropies[x]);
                return byEntropy != 0 ? byEntropy : Integer.compare(x, y);
            });
            for (int r = 0; r < uncertain.size(); r++) {
                calls[uncertain.get(r)] += each + (r < extra ? 1 : 0);
            }
        }
        List<QuestionBudget> budgets = new ArrayList<>(n);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += calls[i];
            budgets.add(new QuestionBudget(questionIds.get(i), step1Entropies[i], step1Entropies[i] <= tau,
                    Math.toIntExact(calls[i])));
        }
        if (total + unallocated != alpha) {
            throw new IllegalStateException("budget check failed: allocated " + total + " + unallocated "
                    + unallocated + " != alpha " + alpha);
        }
        return new Allocation(alpha, tau, stepsPerQuestion, budgets, n - uncertain.size(), uncertain.size(),
                total, unallocated);
    }
}
