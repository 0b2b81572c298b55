package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up wraps a full text tail (thousands of characters into many lines), without JavaFX. */
class LiveDisplayWarmUpTest {

    @Test
    void wrapsTheSyntheticTextIntoManyLines() {
        int lines = LiveDisplayWarmUp.run();
        assertThat(lines).isGreaterThan(LiveTokenDisplays.TEXT_CHARS / 200);
    }
}
