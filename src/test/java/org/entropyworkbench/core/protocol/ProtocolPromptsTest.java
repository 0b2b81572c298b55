package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolPromptsTest {

    @Test
    void everyKindHasAStepOneWithTheQuestionAndARefinePrompt() {
        for (AnswerKind kind : AnswerKind.values()) {
            PromptSet p = ProtocolPrompts.defaults(kind);
            assertThat(p.step1()).as(kind.name()).contains("{question}");
            assertThat(p.refine()).as(kind.name()).containsIgnoringCase("previous").containsIgnoringCase("final answer");
            assertThat(p.system()).isEmpty();
        }
    }

    @Test
    void finalAnswerFormMatchesTheGrader() {
        assertThat(ProtocolPrompts.defaults(AnswerKind.INTEGER).step1()).contains("\\boxed{N}").contains("0 to 999");
        assertThat(ProtocolPrompts.defaults(AnswerKind.INTEGER).refine()).contains("\\boxed{N}");
        assertThat(ProtocolPrompts.defaults(AnswerKind.MULTIPLE_CHOICE).step1()).contains("Answer: X").contains("letter");
        assertThat(ProtocolPrompts.defaults(AnswerKind.MULTIPLE_CHOICE).refine()).contains("Answer: X");
    }
}
