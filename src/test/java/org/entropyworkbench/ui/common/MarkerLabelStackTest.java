package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

/** Rule labels over the histogram go into as few rows as possible, and none overlaps another. */
class MarkerLabelStackTest {

    @Test
    void labelsThatCannotShareARowGoToTheNextOne() {
        double[] centre = {150, 150, 150, 400};
        double[] width = {80, 80, 80, 60};
        double[] start = new double[4];
        int[] rows = ChartOverlay.place(new Integer[] {0, 1, 2, 3}, centre, width, 0, 600, 6, start);
        assertThat(rows).containsExactly(0, 1, 2, 0);
        assertThat(start).containsExactly(110, 110, 110, 370);
    }

    @Test
    void closeMarkersShareARowWhenALabelCanHangLeftOrRightOfItsMarker() {
        double[] centre = {200, 215, 330};
        double[] width = {90, 90, 60};
        double[] start = new double[3];
        int[] rows = ChartOverlay.place(new Integer[] {0, 1, 2}, centre, width, 0, 600, 6, start);
        assertThat(rows).containsExactly(0, 1, 0);
        assertThat(start[0]).isEqualTo(155);
        assertThat(start[2]).isEqualTo(300);
        double[] edge = new double[1];
        ChartOverlay.place(new Integer[] {0}, new double[] {590}, new double[] {90}, 0, 600, 6, edge);
        assertThat(edge[0]).as("kept inside the plot").isEqualTo(510);
    }
}
