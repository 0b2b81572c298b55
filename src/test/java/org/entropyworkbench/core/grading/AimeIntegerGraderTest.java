package org.entropyworkbench.core.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AimeIntegerGraderTest {

    private final AimeIntegerGrader grader = new AimeIntegerGrader();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "So the answer is \\boxed{42}.                           | 42",
            "\\boxed{042}                                             | 42",
            "\\boxed{ 7 }                                             | 7",
            "\\boxed{\\text{7}}                                       | 7",
            "\\boxed{\\textbf{ 7 }}                                   | 7",
            "$\\boxed{7.0}$                                           | 7",
            "First \\boxed{12}, then on reflection \\boxed{13}.       | 13",
            "\\boxed{n = 25}                                          | 25",
            "\\boxed{90^\\circ}                                       | 90",
            "\\boxed{\\displaystyle 5} hmm no, nested \\boxed{{8}}     | 8",
            "No box. We get 3 cases, so the total is 120.             | 120",
            "The answer: 1,000                                        | 1000",
            "It is -5.                                                | -5",
            "\\boxed{7.5}                                             | 7.5",
            "\\boxed{}  but the answer is 9                           | 9",
            "\\boxed{\\frac{1}{2}}                                    | \\frac{1}{2}",
            "x2 and 3.25 and then 17th, finally 64                    | 64",
    })
    void extractsTheFinalAnswer(String response, String expected) {
        assertThat(AimeIntegerGrader.extract(response)).isEqualTo(expected);
    }

    @Test
    void comparesAsIntegers() {
        assertThat(grader.grade("\\boxed{042}", "42")).isEqualTo(new Grade("42", true));
        assertThat(grader.grade("\\boxed{42}", "042")).isEqualTo(new Grade("42", true));
        assertThat(grader.grade("\\boxed{7.0}", "7")).isEqualTo(new Grade("7", true));
        assertThat(grader.grade("\\boxed{0}", "0")).isEqualTo(new Grade("0", true));
        assertThat(grader.grade("\\boxed{43}", "42")).isEqualTo(new Grade("43", false));
    }

    @Test
    void lastBoxWinsEvenWhenNumbersFollowIt() {
        assertThat(grader.grade("\\boxed{5} is wrong; \\boxed{6}. Check: 6 + 0 = 6, 99 problems", "6").correct()).isTrue();
    }

    @Test
    void outOfRangeNegativeAndDecimalAnswersAreWrong() {
        assertThat(grader.grade("Thus 1,000 ways.", "0")).isEqualTo(new Grade("1000", false));
        assertThat(grader.grade("\\boxed{1000}", "0")).isEqualTo(new Grade("1000", false));
        assertThat(grader.grade("\\boxed{-5}", "5")).isEqualTo(new Grade("-5", false));
        assertThat(grader.grade("\\boxed{7.5}", "7")).isEqualTo(new Grade("7.5", false));
        assertThat(grader.grade("\\boxed{x+1}", "7")).isEqualTo(new Grade("x+1", false));
    }

    @Test
    void noAnswerIsUngradableNotWrong() {
        assertThat(grader.grade("I could not solve this.", "7")).isEqualTo(Grade.ungradable());
        assertThat(grader.grade("", "7").isGradable()).isFalse();
        assertThat(grader.grade(null, "7").isGradable()).isFalse();
    }

    @Test
    void unicodeMinusIsANegativeNumber() {
        assertThat(grader.grade("the result is \u22123", "3")).isEqualTo(new Grade("-3", false));
    }
}
