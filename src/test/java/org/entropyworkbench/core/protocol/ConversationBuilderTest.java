package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.provider.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationBuilderTest {

    private final PreparedQuestion question = new PreparedQuestion(
            new Problem("q1", "What is 2+2?", "4", List.of(), AnswerKind.INTEGER), "What is 2+2?", "4", 0L);

    @Test
    void stepOneIsSystemAndQuestion() {
        PromptSet prompts = new PromptSet("Be careful.", "Q: {question}\nEnd with \\boxed{}.", "Check again.");
        List<ChatMessage> m = ConversationBuilder.messages(prompts, question, List.of());
        assertThat(m).containsExactly(ChatMessage.system("Be careful."),
                ChatMessage.user("Q: What is 2+2?\nEnd with \\boxed{}."));
    }

    @Test
    void laterStepsKeepEarlierAnswersEachFollowedByTheRefinePrompt() {
        PromptSet prompts = new PromptSet("", "{question}", "Review and answer again.");
        List<ChatMessage> m = ConversationBuilder.messages(prompts, question, List.of("first: 5", "second: 4"));
        assertThat(m).containsExactly(
                ChatMessage.user("What is 2+2?"),
                ChatMessage.assistant("first: 5"),
                ChatMessage.user("Review and answer again."),
                ChatMessage.assistant("second: 4"),
                ChatMessage.user("Review and answer again."));
    }

    @Test
    void blankSystemIsLeftOutAndTemplateWithoutPlaceholderFollowsTheQuestion() {
        PromptSet prompts = new PromptSet("  ", "Answer with a box.", "again");
        assertThat(ConversationBuilder.messages(prompts, question, List.of()))
                .containsExactly(ChatMessage.user("What is 2+2?\n\nAnswer with a box."));
    }

    @Test
    void defaultPromptsBuildTheExpectedStepOne() {
        List<ChatMessage> m = ConversationBuilder.messages(ProtocolPrompts.defaults(AnswerKind.INTEGER), question, List.of());
        assertThat(m).singleElement().satisfies(msg -> {
            assertThat(msg.role()).isEqualTo("user");
            assertThat(msg.content()).startsWith("What is 2+2?\n\n").contains("\\boxed{").doesNotContain("{question}");
        });
    }
}
