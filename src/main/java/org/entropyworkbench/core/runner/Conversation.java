package org.entropyworkbench.core.runner;

import java.util.List;
import org.entropyworkbench.core.protocol.ConversationBuilder;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.PromptHash;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.provider.ChatMessage;

/**
 * The messages of one question-step (multi-turn: earlier visible answers as assistant turns, each
 * followed by the refine prompt) and their hash, as recorded and as checked on resume.
 */
record Conversation(List<ChatMessage> messages, String promptHash) {

    static Conversation of(PromptSet prompts, PreparedQuestion question, List<String> previousAnswers) {
        List<ChatMessage> messages = ConversationBuilder.messages(prompts, question, previousAnswers);
        return new Conversation(messages, PromptHash.of(messages));
    }
}
