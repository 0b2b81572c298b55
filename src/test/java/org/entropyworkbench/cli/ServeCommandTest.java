package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.entropyworkbench.bench.FaultPlan;
import org.entropyworkbench.bench.LoopbackSseServer;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.calibration.LogprobsTiming;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.entropyworkbench.serve.ServeConfig;
import org.entropyworkbench.serve.ServeMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ew serve}'s command line: calibration provenance checked against the probed upstream
 * (refuse, or warn with --allow-mismatch), custom τ, option conflicts.
 */
class ServeCommandTest {
    @TempDir
    Path dir;
    private LoopbackSseServer upstream;
    private Path calibration;

    @BeforeEach
    void setUp() throws Exception {
        upstream = LoopbackSseServer.start(new LoopbackSseServer.Settings(8, 0, FaultPlan.NONE, 3L, "7"));
        SyntheticRunFixture f = new SyntheticRunFixture(4);
        for (var q : SyntheticRunFixture.randomOutcomes(60, 4, 5)) {
            f.question(q.questionId(), q.h1(), q.correctByStep(), q.tokensByStep());
        }
        RunFile run = f.build();
        RunAnalysis analysis = RunAnalysis.of(run, AnalysisOptions.defaults());
        CalibrationFile cal = CalibrationFile.from(analysis, ThresholdMethod.BAYES_OPTIMAL, "test", Instant.now())
                .withProvenance(ServingProvenance.fromRun(run.header(), 20));
        calibration = dir.resolve("cal.json");
        CalibrationFileWriter.write(calibration, cal);
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    private ServeConfig config(StringWriter err, String... extra) throws Exception {
        ServeCommand cmd = new ServeCommand(new ApiKeySource(Map.of(), dir.resolve("keys.properties")),
                Map.of("EWB_PROXY_TOKEN", "tok-123"));
        String[] base = {"--calibration", calibration.toString(), "--upstream", upstream.baseUrl(), "--listen", "127.0.0.1:0"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CommandLine cl = new CommandLine(cmd);
        cl.setErr(new PrintWriter(err, true));
        cl.parseArgs(args);
        return cmd.config(cl.getErr());
    }

    @Test
    void calibrationRecordsProvenanceFromTheRun() throws Exception {
        CalibrationFile cal = CalibrationFileReader.read(calibration);
        assertThat(cal.provenance().model()).isEqualTo("test-model");
        assertThat(cal.provenance().k()).isEqualTo(20);
        assertThat(cal.provenance().temperature()).isEqualTo(0.7);
        assertThat(cal.provenance().logprobsTiming()).isEqualTo(LogprobsTiming.UNKNOWN);
    }

    @Test
    void matchingUpstreamIsServedWithTheCalibrationsThreshold() throws Exception {
        StringWriter err = new StringWriter();
        ServeConfig c = config(err, "--require-token-env", "EWB_PROXY_TOKEN");
        CalibrationFile cal = CalibrationFileReader.read(calibration);
        assertThat(c.mode()).isEqualTo(ServeMode.GATE);
        assertThat(c.gate().tau()).isEqualTo(cal.chosenTau());
        assertThat(c.gate().rule()).isEqualTo("bayes-optimal");
        assertThat(c.upstream().model()).isEqualTo("test-model");
        assertThat(c.temperature()).isEqualTo(0.7);
        assertThat(c.requiredToken()).isNotNull();
        assertThat(c.listenHost()).isEqualTo("127.0.0.1");
        assertThat(err.toString()).contains("probe of").doesNotContain("tok-123");
    }

    @Test
    void modelOrTemperatureMismatchIsRefusedUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> config(new StringWriter(), "--model", "other-model"))
                .hasMessageContaining("does not match").hasMessageContaining("'test-model'")
                .hasMessageContaining("'other-model'").hasMessageContaining("--allow-mismatch");
        assertThatThrownBy(() -> config(new StringWriter(), "--temperature", "1.0"))
                .hasMessageContaining("temperature: calibrated at 0.7, the gate would sample at 1");

        StringWriter err = new StringWriter();
        ServeConfig c = config(err, "--model", "other-model", "--allow-mismatch", "--observe");
        assertThat(c.mode()).isEqualTo(ServeMode.OBSERVE);
        assertThat(err.toString()).contains("warning: model: calibrated on 'test-model'");
    }

    /** A calibration on another signal is served on that signal (its τ, its units), after the probe checked the upstream feeds it. */
    @Test
    void aCalibrationOnAnotherSignalIsServedOnThatSignal() throws Exception {
        String json = java.nio.file.Files.readString(calibration);
        assertThat(json).contains("\"signal\" : \"step1-mean-entropy\"");
        java.nio.file.Files.writeString(calibration, json.replace("\"signal\" : \"step1-mean-entropy\"",
                "\"signal\" : \"first-64-entropy\""));
        StringWriter err = new StringWriter();
        ServeConfig c = config(err);
        assertThat(c.gate().signal()).isEqualTo(org.entropyworkbench.core.signal.Signal.FIRST_64_ENTROPY);
        assertThat(c.gate().signalId()).isEqualTo("first-64-entropy");
        assertThat(c.gate().tau()).isEqualTo(CalibrationFileReader.read(calibration).chosenTau());
        assertThat(err.toString()).contains("probe of").doesNotContain("warning");

        java.nio.file.Files.writeString(calibration, json.replace("\"signal\" : \"step1-mean-entropy\"",
                "\"signal\" : \"no-such-signal\""));
        assertThatThrownBy(() -> config(new StringWriter())).hasMessageContaining("no-such-signal")
                .hasMessageContaining("cannot compute");
    }

    @Test
    void customTauAndConflictingOptions() throws Exception {
        CalibrationFileWriter.write(calibration, CalibrationFileReader.read(calibration).withCustomTau(0.3125));
        ServeConfig c = config(new StringWriter());
        assertThat(c.gate().tau()).isEqualTo(0.3125);
        assertThat(c.gate().rule()).isEqualTo("custom");
        assertThatThrownBy(() -> config(new StringWriter(), "--pass-auth", "--require-token-env", "EWB_PROXY_TOKEN"))
                .hasMessageContaining("--pass-auth");
        assertThatThrownBy(() -> config(new StringWriter(), "--require-token-env", "UNSET_VAR"))
                .hasMessageContaining("UNSET_VAR");
        assertThatThrownBy(() -> config(new StringWriter(), "--listen", "127.0.0.1:99999"))
                .hasMessageContaining("--listen");
    }

    @Test
    void aGatedLiveRunRefusesAMismatchedCalibrationUnlessAllowed() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"run", "--dataset", "builtin:mini", "--preset", "custom", "--base-url", upstream.baseUrl(),
                "--model", "other-model", "--mode", "gated", "--calibration", calibration.toString(), "--no-probe",
                "--progress", "none", "-o", dir.resolve("gated.jsonl").toString()};
        int code = EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("does not match this run").contains("'other-model'")
                .contains("--allow-mismatch");
        assertThat(upstream.stats().requests()).isZero();

        String[] allowed = java.util.Arrays.copyOf(args, args.length + 1);
        allowed[args.length] = "--allow-mismatch";
        err.getBuffer().setLength(0);
        assertThat(EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), allowed)).isZero();
        assertThat(err.toString()).contains("(--allow-mismatch)");
        assertThat(upstream.stats().requests()).isPositive();
    }
}
