package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.provider.ChatMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the messages of one question-step (method.md section 12, item 5: multi-turn, earlier
 * visible answers stay in context). Step s = previousAnswers.size() + 1 gets: the system message
 * (when not blank), the step-1 user message, then for each earlier answer an assistant turn with
 * it followed by the refine prompt. Stateless; any thread.
 */
public final class ConversationBuilder {

    /** Placeholder in {@link PromptSet#step1()} replaced by the rendered question. */
    public static final String QUESTION_PLACEHOLDER = "{question}";

    private ConversationBuilder() {
    }

    public static List<ChatMessage> messages(PromptSet prompts, PreparedQuestion question,
                                             List<String> previousAnswers) {
        List<ChatMessage> messages = new ArrayList<>();
        if (prompts.system() != null && !prompts.system().isBlank()) {
            messages.add(ChatMessage.system(prompts.system()));
        }
        messages.add(ChatMessage.user(stepOneText(prompts.step1(), question.renderedQuestion())));
        return refinement(messages, prompts, previousAnswers);
    }

    /**
     * The messages of step {@code previousAnswers.size() + 1} when step 1 sent {@code stepOne}: each
     * earlier answer as an assistant turn followed by the refine prompt. Shared by runs and by the
     * serving proxy, whose step 1 is the client's own conversation.
     */
    public static List<ChatMessage> refinement(List<ChatMessage> stepOne, PromptSet prompts,
                                               List<String> previousAnswers) {
        List<ChatMessage> messages = new ArrayList<>(stepOne);
        for (String answer : previousAnswers) {
            messages.add(ChatMessage.assistant(answer == null ? "" : answer));
            messages.add(ChatMessage.user(prompts.refine()));
        }
        return List.copyOf(messages);
    }

    /**
     * The step-1 user message: every {@code {question}} in the template replaced by the question;
     * a template without the placeholder follows the question after a blank line.
     */
    public static String stepOneText(String template, String renderedQuestion) {
        if (template == null || template.isBlank()) {
            return renderedQuestion;
        }
        if (template.contains(QUESTION_PLACEHOLDER)) {
            return template.replace(QUESTION_PLACEHOLDER, renderedQuestion);
        }
        return renderedQuestion + "\n\n" + template;
    }
}
