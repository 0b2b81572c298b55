package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.provider.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptHashTest {

    @Test
    void matchesTheDocumentedEncodingComputedIndependently() {
        // Value computed outside Java (Python hashlib) from the encoding in PromptHash's Javadoc.
        assertThat(PromptHash.of(List.of(ChatMessage.system("S"), ChatMessage.user("h\u00e9llo"))))
                .isEqualTo("8c3296fc7223b6216503de12d7d6ba3a8759713e52c4b51cae7c4f6125d8808a");
    }

    @Test
    void sameMessagesSameHashAndAnyChangeChangesIt() {
        List<ChatMessage> a = List.of(ChatMessage.user("q"), ChatMessage.assistant("x"), ChatMessage.user("r"));
        assertThat(PromptHash.of(a)).isEqualTo(PromptHash.of(List.copyOf(a))).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(PromptHash.of(a)).isNotEqualTo(PromptHash.of(List.of(ChatMessage.user("q"))));
        assertThat(PromptHash.of(List.of(ChatMessage.user("q ")))).isNotEqualTo(PromptHash.of(List.of(ChatMessage.user("q"))));
        assertThat(PromptHash.of(List.of(ChatMessage.system("q")))).isNotEqualTo(PromptHash.of(List.of(ChatMessage.user("q"))));
    }

    @Test
    void boundariesBetweenMessagesAreUnambiguous() {
        String split1 = PromptHash.of(List.of(ChatMessage.user("ab"), ChatMessage.assistant("c")));
        String split2 = PromptHash.of(List.of(ChatMessage.user("a"), ChatMessage.assistant("bc")));
        String joined = PromptHash.of(List.of(ChatMessage.user("a\n4:userb")));
        assertThat(split1).isNotEqualTo(split2).isNotEqualTo(joined);
    }
}
