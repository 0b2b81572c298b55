package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void ratiosVerdictsAndMissedTargetsAppearInTheMarkdown() {
        BenchReport r = new BenchReport();
        r.target("S", "fast thing", 300, "records/s", "python", 30, ">= 10x", true);
        r.target("S", "slow thing", 2, "s", null, Double.NaN, "< 1 s", false);
        r.note("S", "a note");

        assertThat(r.figures("S").get(0).ratio()).isEqualTo(10.0);
        assertThat(r.figures("S").get(1).ratio()).isNaN();
        assertThat(r.missed()).containsExactly("S: slow thing");
        String md = r.toMarkdown();
        assertThat(md).contains("### S").contains("| fast thing | 300 records/s | python: 30 | 10x | >= 10x | met |")
                .contains("MISSED").contains("- a note").contains("### Targets missed\n\n- S: slow thing");
    }

    @Test
    void formatKeepsThreeSignificantDigits() {
        assertThat(BenchReport.format(1234567)).isEqualTo("1,234,567");
        assertThat(BenchReport.format(0.0257)).isEqualTo("0.0257");
        assertThat(BenchReport.format(12.345)).isEqualTo("12.35");
        assertThat(BenchReport.format(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void onlyAcceptsKnownSections() {
        assertThat(BenchRunner.parseOnly("ingest, fuzz")).containsExactly("ingest", "fuzz");
        assertThat(BenchRunner.parseOnly(null)).isEmpty();
        assertThatThrownBy(() -> BenchRunner.parseOnly("ingest,speed")).hasMessageContaining("unknown benchmark 'speed'");
    }
}
