package org.entropyworkbench.core.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MultipleChoiceGraderTest {

    private final MultipleChoiceGrader grader = new MultipleChoiceGrader();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Answer: C                                                   | C",
            "The final answer is (B).                                    | B",
            "**Answer:** D                                               | D",
            "The answer is **A**                                         | A",
            "\\boxed{C}                                                  | C",
            "\\boxed{\\text{(B)}}                                        | B",
            "$\\boxed{d}$                                                | D",
            "So it must be (C).                                          | C",
            "Clearly **B**.                                              | B",
            "I think A... no, actually B                                 | B",
            "A good argument favours option C over the others.           | C",
            "Because the Cat Detector Algorithm fails, choose D          | D",
            "B is consistent with the data.                              | B",
            "A is consistent with the data.                              | A",
            "We compare A-D carefully; the U.S. data support C.          | C",
            "Answer: A. On reflection the option (D) looks wrong.        | A",
            "The answer is A... wait, the answer is C                    | C",
            "\\boxed{B} although some might say (D)                      | B",
            "Energy E = mc^2 so choice B                                 | B",
    })
    void extractsTheFinalLetter(String response, String expected) {
        assertThat(grader.extract(response)).isEqualTo(expected);
    }

    @Test
    void lettersInsideWordsOrOutOfRangeAreNotAnswers() {
        assertThat(grader.extract("Because Data Are Clear")).isNull();
        assertThat(grader.extract("Option E or F")).isNull();
        assertThat(grader.extract("A cat sat on a mat.")).isNull();
    }

    @Test
    void gradesAgainstTheExpectedLetter() {
        assertThat(grader.grade("Answer: C", "C")).isEqualTo(new Grade("C", true));
        assertThat(grader.grade("Answer: C", "c")).isEqualTo(new Grade("C", true));
        assertThat(grader.grade("Answer: B", "C")).isEqualTo(new Grade("B", false));
        assertThat(grader.grade("no idea", "C")).isEqualTo(Grade.ungradable());
        assertThat(grader.grade(null, "C").isGradable()).isFalse();
    }

    @Test
    void widerRangeForMoreOptions() {
        assertThat(new MultipleChoiceGrader(6).extract("Answer: F")).isEqualTo("F");
        assertThat(new MultipleChoiceGrader(3).extract("Answer: D. Or rather C")).isEqualTo("C");
    }
}
