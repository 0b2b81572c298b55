package org.entropyworkbench.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.signal.SignalDirection;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDistributionTest {

    @TempDir
    Path dir;

    private static CalibrationFile calibration() {
        SyntheticRunFixture f = new SyntheticRunFixture(2);
        double[] h = {0.1, 0.2, 0.3, 0.35, 0.8, 0.9, 1.1, 0.25};
        boolean[] ok = {true, true, true, false, false, false, false, true};
        for (int i = 0; i < h.length; i++) {
            f.question("q" + i, h[i], new Boolean[] {ok[i], true}, new int[] {100, 300});
        }
        return CalibrationFile.from(RunAnalysis.of(f.build(), AnalysisOptions.defaults()), null, "test", Instant.EPOCH);
    }

    @Test
    void expectedStopRateCountsTheSourceRunAtOrBelowTau() {
        ClassDistribution d = new ClassDistribution(new double[] {0.3, 0.1, 0.2}, new double[] {0.9, 0.3});
        assertThat(d.correct()).containsExactly(0.1, 0.2, 0.3);
        assertThat(d.expectedStopRate(0.3, SignalDirection.LOW_IS_CONFIDENT)).isEqualTo(4 / 5.0);
        assertThat(d.expectedStopRate(0.05, SignalDirection.LOW_IS_CONFIDENT)).isZero();
        assertThat(d.expectedStopRate(0.3, SignalDirection.HIGH_IS_CONFIDENT)).isEqualTo(3 / 5.0);
        assertThat(d.expectedStopRate(Double.NaN, SignalDirection.LOW_IS_CONFIDENT)).isNaN();
    }

    @Test
    void aCalibrationFromARunCarriesItsClassesThroughWriteAndRead() throws Exception {
        CalibrationFile c = calibration();
        assertThat(c.classDistribution()).isNotNull();
        assertThat(c.classDistribution().correct()).hasSize(4);
        assertThat(c.classDistribution().incorrect()).containsExactly(new double[] {0.35, 0.8, 0.9, 1.1},
                org.assertj.core.api.Assertions.within(1e-9));
        Path file = dir.resolve("cal.json");
        CalibrationFileWriter.write(file, c.withCustomTau(0.3));
        CalibrationFile read = CalibrationFileReader.read(file);
        assertThat(read.classDistribution().correct()).containsExactly(c.classDistribution().correct());
        assertThat(read.classDistribution().expectedStopRate(0.3, SignalDirection.LOW_IS_CONFIDENT)).isEqualTo(4 / 8.0);
        assertThat(read.withChosen(null).classDistribution()).isNotNull();
    }

    @Test
    void anOlderFileWithoutTheFieldStillReadsAndABadOneNamesTheField() throws Exception {
        ObjectNode json = CalibrationFileWriter.toJson(calibration());
        json.remove("classDistribution");
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.toString());
        assertThat(CalibrationFileReader.read(old).classDistribution()).isNull();

        json.putObject("classDistribution").putArray("correct").add("x");
        ((ObjectNode) json.get("classDistribution")).putArray("incorrect");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.toString());
        assertThatThrownBy(() -> CalibrationFileReader.read(bad)).hasMessageContaining("classDistribution.correct[0]");
    }

    @Test
    void theServerVersionOfTheRunHeaderReachesTheProvenance() {
        RunHeader run = new RunHeader(1, "r", "t", "v", "title", "m", "llamacpp http://127.0.0.1:1/v1", "d", null,
                "integer", "full", 2, 20, 0.0, 100, null, Map.of(), false,
                Map.of(ServingProvenance.SERVER_VERSION_KEY, "b4500-abc"), Map.of());
        assertThat(ServingProvenance.fromRun(run, 20).serverVersion()).isEqualTo("b4500-abc");
        RunHeader serve = new RunHeader(1, "r", "t", "v", "title", "m", "llamacpp http://127.0.0.1:1/v1", "d", null,
                "free", "gated", 2, 20, 0.0, 100, null, Map.of(), false, Map.of(),
                Map.of(ServingProvenance.UPSTREAM_VERSION_KEY, "0.6.1"));
        assertThat(ServingProvenance.fromRun(serve, 20).serverVersion()).isEqualTo("0.6.1");
        RunHeader none = SyntheticRunFixture.header(2);
        assertThat(ServingProvenance.fromRun(none, 20).serverVersion()).isNull();
    }
}
