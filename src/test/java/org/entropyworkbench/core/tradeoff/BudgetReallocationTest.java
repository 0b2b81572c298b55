package org.entropyworkbench.core.tradeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BudgetReallocationTest {

    @Test
    void spreadsFreedCallsOverUncertainQuestionsHighestEntropyFirst() {
        List<String> ids = List.of("a", "b", "c", "d", "e");
        double[] h = {0.2, 1.3, 0.5, 1.1, 1.2};
        BudgetReallocation.Allocation al = BudgetReallocation.allocate(ids, h, 0.5, 4);
        // alpha = 20; confident a, c (1 call each); R = 15 over 3 uncertain: 5 each, no remainder
        assertThat(al.alpha()).isEqualTo(20);
        assertThat(al.confidentCount()).isEqualTo(2);
        assertThat(al.uncertainCount()).isEqualTo(3);
        assertThat(al.callsById()).containsExactly(entry("a", 1), entry("b", 6), entry("c", 1), entry("d", 6), entry("e", 6));
        assertThat(al.allocatedCalls()).isEqualTo(20);
    }

    @Test
    void remainderGoesToHighestEntropyFirst() {
        List<String> ids = List.of("a", "b", "c", "d");
        double[] h = {0.1, 0.9, 1.5, 1.2};
        BudgetReallocation.Allocation al = BudgetReallocation.allocate(ids, h, 0.5, 4);
        // S = 4: alpha 16, R = 12 over 3 uncertain: 4 extra each, nothing left over.
        // S = 3: alpha 12, R = 8 over 3: 2 extra each, the 2 left over go to c (1.5) then d (1.2).
        BudgetReallocation.Allocation three = BudgetReallocation.allocate(ids, h, 0.5, 3);
        Map<String, Integer> calls = three.callsById();
        assertThat(calls.get("a")).isEqualTo(1);
        assertThat(calls.get("c")).isEqualTo(4);
        assertThat(calls.get("d")).isEqualTo(4);
        assertThat(calls.get("b")).isEqualTo(3);
        assertThat(three.allocatedCalls()).isEqualTo(12);
        assertThat(al.callsById().values()).containsExactly(1, 5, 5, 5);
    }

    @Test
    void totalsEqualAlphaOnRandomInputs() {
        Random r = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(60);
            int s = 1 + r.nextInt(10);
            List<String> ids = new ArrayList<>();
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                ids.add("q" + i);
                h[i] = r.nextInt(20) == 0 ? Double.NaN : r.nextDouble() * 2;
            }
            double tau = r.nextDouble() * 2.2;
            BudgetReallocation.Allocation al = BudgetReallocation.allocate(ids, h, tau, s);
            int sum = al.questions().stream().mapToInt(BudgetReallocation.QuestionBudget::calls).sum();
            assertThat(sum + al.unallocatedCalls()).isEqualTo((long) n * s);
            for (BudgetReallocation.QuestionBudget q : al.questions()) {
                assertThat(q.calls()).isGreaterThanOrEqualTo(1);
                if (q.confident()) {
                    assertThat(q.calls()).isEqualTo(1);
                }
            }
            if (al.uncertainCount() > 0) {
                assertThat(al.unallocatedCalls()).isZero();
                assertThat(sum).isEqualTo(n * s);
                int max = al.questions().stream().filter(q -> !q.confident()).mapToInt(BudgetReallocation.QuestionBudget::calls).max().orElseThrow();
                int min = al.questions().stream().filter(q -> !q.confident()).mapToInt(BudgetReallocation.QuestionBudget::calls).min().orElseThrow();
                assertThat(max - min).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void nanEntropyIsUncertainAndRankedFirst() {
        BudgetReallocation.Allocation al = BudgetReallocation.allocate(List.of("a", "b", "c"),
                new double[] {Double.NaN, 2.0, 0.1}, 0.5, 2);
        // alpha 6, R 3 over {a, b}: 1 each + 1 extra to a (NaN ranks highest)
        assertThat(al.callsById()).containsEntry("a", 3).containsEntry("b", 2).containsEntry("c", 1);
        assertThat(al.questions().get(0).confident()).isFalse();
    }

    @Test
    void allConfidentLeavesCallsUnallocated() {
        BudgetReallocation.Allocation al = BudgetReallocation.allocate(List.of("a", "b"), new double[] {0.1, 0.2}, 0.5, 4);
        assertThat(al.uncertainCount()).isZero();
        assertThat(al.allocatedCalls()).isEqualTo(2);
        assertThat(al.unallocatedCalls()).isEqualTo(6);
        assertThat(al.allocatedCalls() + al.unallocatedCalls()).isEqualTo(al.alpha());
    }

    @Test
    void emptyInputAndBadArguments() {
        BudgetReallocation.Allocation empty = BudgetReallocation.allocate(List.of(), new double[0], 0.5, 4);
        assertThat(empty.alpha()).isZero();
        assertThat(empty.questions()).isEmpty();
        assertThatThrownBy(() -> BudgetReallocation.allocate(List.of("a"), new double[2], 0.5, 4))
                .hasMessageContaining("1 question ids but 2 entropies");
        assertThatThrownBy(() -> BudgetReallocation.allocate(List.of("a"), new double[1], 0.5, 0))
                .hasMessageContaining("at least 1");
    }
}
