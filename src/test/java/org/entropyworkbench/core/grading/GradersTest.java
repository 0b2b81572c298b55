package org.entropyworkbench.core.grading;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradersTest {

    @Test
    void eachKindHasItsGrader() {
        assertThat(Graders.forKind(AnswerKind.INTEGER)).isInstanceOf(AimeIntegerGrader.class);
        assertThat(Graders.forKind(AnswerKind.MULTIPLE_CHOICE)).isInstanceOf(MultipleChoiceGrader.class);
        assertThat(Graders.forKind(AnswerKind.FREE)).isInstanceOf(GenericGrader.class);
    }

    @Test
    void problemWithFiveOptionsAcceptsLetterE() {
        Problem five = new Problem("q", "?", "a", List.of("a", "b", "c", "d", "e"), AnswerKind.MULTIPLE_CHOICE);
        assertThat(Graders.forProblem(five).grade("Answer: E", "E").correct()).isTrue();
        Problem four = new Problem("q", "?", "a", List.of("a", "b", "c", "d"), AnswerKind.MULTIPLE_CHOICE);
        assertThat(Graders.forProblem(four).grade("Answer: E", "E").isGradable()).isFalse();
    }
}
