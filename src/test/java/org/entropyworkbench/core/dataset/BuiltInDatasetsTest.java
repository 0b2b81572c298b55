package org.entropyworkbench.core.dataset;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInDatasetsTest {

    @Test
    void listsBothBuiltInDatasets() {
        assertThat(BuiltInDatasets.list()).containsExactly("builtin-mini", "builtin-mc");
    }

    @Test
    void miniHasIntegerProblemsWithDistinctIds() throws Exception {
        Dataset d = BuiltInDatasets.load("builtin-mini");
        assertThat(d.name()).isEqualTo("builtin-mini");
        assertThat(d.source()).isNull();
        assertThat(d.kind()).isEqualTo(AnswerKind.INTEGER);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.problems()).hasSizeGreaterThanOrEqualTo(8);
        Set<String> ids = new HashSet<>();
        for (Problem p : d.problems()) {
            assertThat(ids.add(p.id())).as("unique id %s", p.id()).isTrue();
            int answer = Integer.parseInt(p.answer());
            assertThat(answer).isBetween(0, 999);
            assertThat(p.question()).isNotBlank();
        }
    }

    @Test
    void mcHasFourDistinctOptionsCorrectFirst() throws Exception {
        Dataset d = BuiltInDatasets.load("builtin-mc");
        assertThat(d.kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.problems()).hasSizeGreaterThanOrEqualTo(6);
        for (Problem p : d.problems()) {
            assertThat(p.options()).hasSize(4).doesNotHaveDuplicates();
            assertThat(p.options().get(0)).isEqualTo(p.answer());
        }
    }

    @Test
    void unknownNameIsRefused() {
        assertThatThrownBy(() -> BuiltInDatasets.load("gpqa")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("unknown built-in dataset \"gpqa\"");
    }

    @Test
    void shortNamesAsInTheReadmeLoadTheSameDataset() throws Exception {
        assertThat(BuiltInDatasets.isBuiltIn("mini")).isTrue();
        Dataset shortName = BuiltInDatasets.load("mini");
        Dataset fullName = BuiltInDatasets.load("builtin-mini");
        assertThat(shortName.name()).isEqualTo("builtin-mini");
        assertThat(shortName.problems()).isEqualTo(fullName.problems());
        assertThat(BuiltInDatasets.load("mc").kind()).isEqualTo(AnswerKind.MULTIPLE_CHOICE);
    }
}
