package org.entropyworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void formatsFractionsPointsBitsAndPValues() {
        assertThat(Formats.percent(0.37456)).isEqualTo("37.5 %");
        assertThat(Formats.percent(Double.NaN)).isEqualTo(Formats.MISSING);
        assertThat(Formats.points(-3.333)).isEqualTo("-3.3 pts");
        assertThat(Formats.points(-0.01)).isEqualTo("+0.0 pts");
        assertThat(Formats.points(2.0)).isEqualTo("+2.0 pts");
        assertThat(Formats.bits(0.87349)).isEqualTo("0.873 bits");
        assertThat(Formats.pValue(0.0004)).isEqualTo("< 0.001");
        assertThat(Formats.pValue(0.2301)).isEqualTo("0.230");
    }
}
