package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionPreparerTest {

    private static Problem mc(String id) {
        return new Problem(id, "Which is the invented right option?",
                "right " + id, List.of("right " + id, "wrong one", "wrong two", "wrong three"), AnswerKind.MULTIPLE_CHOICE);
    }

    /** Letter to option text, read back from the rendered question. */
    private static Map<String, String> shownOptions(PreparedQuestion q) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : q.renderedQuestion().split("\n")) {
            if (line.matches("[A-Z]\\) .*")) {
                options.put(line.substring(0, 1), line.substring(3));
            }
        }
        return options;
    }

    @Test
    void expectedLetterPointsAtTheCorrectOptionForManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Problem p = mc("q" + seed);
            PreparedQuestion q = QuestionPreparer.prepare(p, seed);
            Map<String, String> shown = shownOptions(q);
            assertThat(shown.keySet()).containsExactly("A", "B", "C", "D");
            assertThat(shown.values()).containsExactlyInAnyOrderElementsOf(p.options());
            assertThat(shown.get(q.expectedAnswer())).isEqualTo(p.answer());
            assertThat(q.renderedQuestion()).startsWith(p.question() + "\n\nA) ");
        }
    }

    @Test
    void sameRunSeedAndIdGiveTheSameQuestion() {
        PreparedQuestion a = QuestionPreparer.prepare(mc("x"), 42);
        PreparedQuestion b = QuestionPreparer.prepare(mc("x"), 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.shuffleSeed()).isEqualTo(QuestionPreparer.shuffleSeed(42, "x"));
    }

    @Test
    void seedDependsOnRunSeedAndQuestionId() {
        assertThat(QuestionPreparer.shuffleSeed(1, "x")).isNotEqualTo(QuestionPreparer.shuffleSeed(2, "x"))
                .isNotEqualTo(QuestionPreparer.shuffleSeed(1, "y"));
    }

    @Test
    void correctOptionLandsOnEveryLetterAcrossQuestions() {
        Set<String> letters = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            letters.add(QuestionPreparer.prepare(mc("id-" + i), 7).expectedAnswer());
        }
        assertThat(letters).containsExactlyInAnyOrder("A", "B", "C", "D");
    }

    @Test
    void shuffleIsAPermutationAndRoughlyUniform() {
        int[] firstPosition = new int[4];
        for (long seed = 0; seed < 4000; seed++) {
            List<Integer> order = QuestionPreparer.shuffledIndices(4, seed);
            assertThat(new ArrayList<>(order)).containsExactlyInAnyOrder(0, 1, 2, 3);
            firstPosition[order.get(0)]++;
        }
        for (int count : firstPosition) {
            assertThat(count).isBetween(850, 1150);
        }
    }

    @Test
    void integerAndFreeProblemsPassThrough() {
        Problem integer = new Problem("i", "Compute.", "042", List.of(), AnswerKind.INTEGER);
        assertThat(QuestionPreparer.prepare(integer, 9))
                .isEqualTo(new PreparedQuestion(integer, "Compute.", "42", 0L));
        Problem free = new Problem("f", "Name it.", " Mars ", List.of(), AnswerKind.FREE);
        assertThat(QuestionPreparer.prepare(free, 9).expectedAnswer()).isEqualTo(" Mars ");
        assertThat(QuestionPreparer.prepare(free, 9).shuffleSeed()).isZero();
    }
}
