package org.entropyworkbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonErrorTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unclosedObjectLosesTheSourceTail() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readTree("{\"problem\":\"x\""));
        assertThat(e.getOriginalMessage()).contains("start marker");
        String reason = JsonErrorText.reason(e);
        assertThat(reason).startsWith("Unexpected end-of-input").doesNotContain("Source").doesNotContain("start marker");
    }

    @Test
    void plainMessagesStayAsTheyAre() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree("{x}"));
        assertThat(JsonErrorText.reason(e)).isEqualTo(e.getOriginalMessage().replace('\n', ' ').strip())
                .contains("Unexpected character");
    }
}
