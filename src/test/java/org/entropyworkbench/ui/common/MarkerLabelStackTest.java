package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

/** Rule labels over the histogram go into rows so that none overlaps another. */
class MarkerLabelStackTest {

    @Test
    void labelsThatWouldOverlapGoToTheNextFreeRow() {
        double[] start = {100, 100, 150, 300};
        double[] width = {80, 80, 80, 60};
        int[] rows = ChartOverlay.stack(new Integer[] {0, 1, 2, 3}, start, width, 6);
        assertThat(rows).containsExactly(0, 1, 2, 0);
    }

    @Test
    void aRowIsReusedOnceTheLabelBeforeHasEnded() {
        double[] start = {0, 50, 90};
        double[] width = {80, 30, 40};
        int[] rows = ChartOverlay.stack(new Integer[] {0, 1, 2}, start, width, 6);
        assertThat(rows).containsExactly(0, 1, 0);
    }
}
