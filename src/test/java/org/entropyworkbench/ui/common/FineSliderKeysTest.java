package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The τ slider's keys step by 0.001 / 0.01 bits and Home/End reach the ends (they used to jump to the ends). */
class FineSliderKeysTest {

    @Test
    void arrowsStepByTheSmallStepAndShiftByTheLargeOne() {
        assertThat(FineSliderKeys.target(1.0, 0, 1.979, KeyCode.RIGHT, false, 0.001, 0.01)).isCloseTo(1.001, within(1e-12));
        assertThat(FineSliderKeys.target(1.0, 0, 1.979, KeyCode.LEFT, false, 0.001, 0.01)).isCloseTo(0.999, within(1e-12));
        assertThat(FineSliderKeys.target(1.0, 0, 1.979, KeyCode.RIGHT, true, 0.001, 0.01)).isCloseTo(1.01, within(1e-12));
        assertThat(FineSliderKeys.target(1.0, 0, 1.979, KeyCode.DOWN, true, 0.001, 0.01)).isCloseTo(0.99, within(1e-12));
    }

    @Test
    void stepsLandOnTheGridAndStopAtTheEnds() {
        assertThat(FineSliderKeys.target(0.8764, 0, 2, KeyCode.RIGHT, false, 0.001, 0.01)).isCloseTo(0.877, within(1e-12));
        assertThat(FineSliderKeys.target(1.975, 0, 1.979, KeyCode.RIGHT, true, 0.001, 0.01)).isEqualTo(1.979);
        assertThat(FineSliderKeys.target(0.004, 0, 1.979, KeyCode.LEFT, true, 0.001, 0.01)).isEqualTo(0.0);
    }

    @Test
    void homeAndEndGoToTheEndsAndOtherKeysAreLeftAlone() {
        assertThat(FineSliderKeys.target(1.0, 0.1, 1.979, KeyCode.HOME, false, 0.001, 0.01)).isEqualTo(0.1);
        assertThat(FineSliderKeys.target(1.0, 0.1, 1.979, KeyCode.END, false, 0.001, 0.01)).isEqualTo(1.979);
        assertThat(FineSliderKeys.target(1.0, 0, 2, KeyCode.A, false, 0.001, 0.01)).isNull();
    }
}
