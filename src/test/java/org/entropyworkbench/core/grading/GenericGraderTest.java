package org.entropyworkbench.core.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenericGraderTest {

    private final GenericGrader grader = new GenericGrader();

    @Test
    void exactMatchIgnoresCaseWhitespacePunctuationAndAccents() {
        assertThat(grader.grade("Final answer: Mars.", "mars").correct()).isTrue();
        assertThat(grader.grade("\\boxed{\\text{New   York}}", "new york").correct()).isTrue();
        assertThat(grader.grade("Answer: Curie", "Curié").correct()).isTrue();
        assertThat(grader.grade("Answer: Venus", "Mars")).isEqualTo(new Grade("Venus", false));
    }

    @Test
    void numbersCompareWithinRelativeTolerance() {
        assertThat(grader.grade("\\boxed{2.5}", "2.50").correct()).isTrue();
        assertThat(grader.grade("The answer is 1,000", "1000").correct()).isTrue();
        assertThat(grader.grade("\\boxed{0.3333333}", "1/3").correct()).isTrue();
        assertThat(grader.grade("\\boxed{\\frac{1}{4}}", "0.25").correct()).isTrue();
        assertThat(grader.grade("\\boxed{50\\%}", "50").correct()).isTrue();
        assertThat(grader.grade("\\boxed{1000001}", "1000000").correct()).isTrue();
        assertThat(grader.grade("\\boxed{1000010}", "1000000").correct()).isFalse();
        assertThat(grader.grade("\\boxed{0.334}", "1/3").correct()).isFalse();
        assertThat(grader.grade("Answer: -0", "0").correct()).isTrue();
    }

    @Test
    void extractionOrderBoxThenAnswerLineThenLastLine() {
        assertThat(GenericGrader.extract("Answer: A\nlater \\boxed{B}")).isEqualTo("B");
        assertThat(GenericGrader.extract("Work...\nThe answer is: oxygen.\nDone thinking")).isEqualTo("oxygen");
        assertThat(GenericGrader.extract("Some work\n\nhydrogen\n")).isEqualTo("hydrogen");
        assertThat(GenericGrader.extract("   ")).isNull();
    }

    @Test
    void blankResponseIsUngradable() {
        assertThat(grader.grade("", "x")).isEqualTo(Grade.ungradable());
    }
}
