package org.entropyworkbench.core.dataset;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldMappingTest {

    @Test
    void refusesInconsistentMappings() {
        assertThatThrownBy(() -> FieldMapping.plain(null, " ", "a")).hasMessageContaining("question field");
        assertThatThrownBy(() -> new FieldMapping(null, "q", null, List.of(), null, List.of(), null))
                .hasMessageContaining("answer field");
        assertThatThrownBy(() -> new FieldMapping(null, "q", "a", List.of("A", "B"), "c", List.of("d"), null))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new FieldMapping(null, "q", null, List.of(), "c", List.of(), null))
                .hasMessageContaining("incorrect option");
        assertThatThrownBy(() -> new FieldMapping(null, "q", "a", List.of("A", "B"), null, List.of(), AnswerKind.INTEGER))
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> FieldMapping.plain(null, "q", "a").withKind(AnswerKind.MULTIPLE_CHOICE))
                .hasMessageContaining("needs option fields");
    }

    @Test
    void blankOptionalFieldsBecomeNull() {
        FieldMapping m = new FieldMapping("", "q", "a", null, " ", null, null);
        assertThat(m.idField()).isNull();
        assertThat(m.correctOptionField()).isNull();
        assertThat(m.optionFields()).isEmpty();
        assertThat(m.hasOptions()).isFalse();
        assertThat(m.referencedFields()).containsExactly("q", "a");
    }

    @Test
    void detectorIgnoresPreRevisionColumnsAndMatchesWholeNames() {
        FieldMapping m = FieldMappingDetector.detect(List.of("Pre-Revision Question", "Pre-Revision Correct Answer",
                "Question", "Correct Answer", "Incorrect Answer 2", "Incorrect Answer 1", "Record ID")).orElseThrow();
        assertThat(m.questionField()).isEqualTo("Question");
        assertThat(m.incorrectOptionFields()).containsExactly("Incorrect Answer 1", "Incorrect Answer 2");
        assertThat(FieldMappingDetector.detect(List.of("questions_total", "answer"))).isEmpty();
    }

    @Test
    void detectorPrefersQuestionOverProblemAndFindsAnswerAliases() {
        FieldMapping m = FieldMappingDetector.detect(List.of("ID", "Problem", "Solution", "Answer")).orElseThrow();
        assertThat(m).isEqualTo(FieldMapping.plain("ID", "Problem", "Answer"));
        FieldMapping t = FieldMappingDetector.detect(List.of("prompt", "final_answer")).orElseThrow();
        assertThat(t).isEqualTo(FieldMapping.plain(null, "prompt", "final_answer"));
    }
}
