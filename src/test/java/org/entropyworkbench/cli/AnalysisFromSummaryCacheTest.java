package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.entropyworkbench.cli.EntropyWorkbenchCliTest.Result;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.cache.SummaryCache;
import org.entropyworkbench.core.cache.SummaryLoader;
import org.entropyworkbench.core.run.FailedStep;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis of any signal from the summary cache equals the analysis from the parsed run file
 * (issues 11 and 12 together): every signal at k = 5 and 20, failed steps included; custom DeepConf
 * windows fall back to the file; {@code analyze --signal} prints the same from the cache as with
 * {@code --no-cache}.
 */
class AnalysisFromSummaryCacheTest {

    @TempDir
    static Path dir;

    static Path runPath;

    /** One in-process invocation, as {@link EntropyWorkbenchCliTest} runs it. */
    static Result run(String... args) {
        return EntropyWorkbenchCliTest.run(args);
    }

    @BeforeAll
    static void simulateWithAFailedStep() throws Exception {
        runPath = dir.resolve("reasoning.jsonl");
        Result sim = run("simulate", "--profile", "reasoning", "--questions", "40", "--seed", "5",
                "--max-token-records", "60", "-o", runPath.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        try (RunFileWriter w = RunFileWriter.openForAppend(runPath)) {
            w.appendFailed(new FailedStep("refused-q", 1, "00ff", "sim-model", "custom http://127.0.0.1:1",
                    "the prompt is longer than the context", 400, 1L));
        }
    }

    private static RunSummary cachedSummary(SummaryCache cache) throws Exception {
        SummaryLoader.load(runPath, cache);
        SummaryLoader.Loaded again = SummaryLoader.load(runPath, cache);
        assertThat(again.fromCache()).as("second load comes from the cache").isTrue();
        return again.summary();
    }

    @Test
    void everySignalFromTheCacheEqualsTheAnalysisOfTheFile() throws Exception {
        RunSummary cached = cachedSummary(new SummaryCache(dir.resolve("cache-all")));
        RunFile file = RunFileReader.read(runPath);
        double meanEntropyTau = Double.NaN;
        for (int k : new int[] {5, 20}) {
            for (Signal signal : Signal.values()) {
                AnalysisOptions options = AnalysisOptions.defaults().withK(k).withSignal(signal);
                assertThat(RunAnalysis.coveredBySummary(cached, options)).as(signal.id()).isTrue();
                RunAnalysis fromFile = RunAnalysis.of(file, options);
                RunAnalysis fromCache = RunAnalysis.of(cached, options);
                assertThat(fromCache.run()).isNull();
                assertThat(fromFile.runOutcomes().step1Labels()).as(signal.id()).hasSizeGreaterThan(30);
                assertThat(fromCache.runOutcomes()).as(signal.id() + " k=" + k).usingRecursiveComparison()
                        .isEqualTo(fromFile.runOutcomes());
                assertThat(fromCache.runOutcomes().failedQuestionIds()).containsExactly("refused-q");
                for (ThresholdMethod m : ThresholdMethod.values()) {
                    assertThat(fromCache.tauInSignalUnits(m)).as(signal.id() + " " + m)
                            .isEqualTo(fromFile.tauInSignalUnits(m));
                    assertThat(fromCache.atMethod(m)).usingRecursiveComparison().isEqualTo(fromFile.atMethod(m));
                }
                assertThat(fromCache.separation().cohensD()).isEqualTo(fromFile.separation().cohensD());
                if (signal == Signal.MEAN_ENTROPY && k == 20) {
                    meanEntropyTau = fromFile.tauInSignalUnits(ThresholdMethod.values()[0]);
                }
                if (signal == Signal.DEEPCONF_TAIL && k == 20) {
                    assertThat(fromCache.tauInSignalUnits(ThresholdMethod.values()[0]))
                            .as("another signal gives another tau").isNotEqualTo(meanEntropyTau);
                }
            }
        }
    }

    @Test
    void customDeepConfWindowsAreNotInTheSummaryAndFallBackToTheFile() throws Exception {
        SummaryCache cache = new SummaryCache(dir.resolve("cache-custom"));
        RunSummary cached = cachedSummary(cache);
        AnalysisOptions defaults = AnalysisOptions.defaults().withSignal(Signal.DEEPCONF_LOWEST_GROUP);
        AnalysisOptions custom = new AnalysisOptions(20, defaults.priors(), Signal.DEEPCONF_LOWEST_GROUP,
                new SignalSettings(20, 8, SignalSettings.DEFAULT_TAIL, SignalSettings.DEFAULT_BOTTOM_FRACTION));
        assertThat(RunAnalysis.coveredBySummary(cached, custom)).isFalse();
        assertThat(RunAnalysis.coveredBySummary(cached, custom.withSignal(Signal.MAX_ENTROPY)))
                .as("a signal that does not use the window").isTrue();
        assertThatThrownBy(() -> RunAnalysis.of(cached, custom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deepconf-lowest-group");

        RunAnalysis viaLoading = RunLoading.analysis(runPath, cache, custom, new PrintWriter(new StringWriter()));
        RunAnalysis fromFile = RunAnalysis.of(RunFileReader.read(runPath), custom);
        assertThat(viaLoading.run()).as("parsed, not from the cache").isNotNull();
        assertThat(viaLoading.runOutcomes()).usingRecursiveComparison().isEqualTo(fromFile.runOutcomes());
        assertThat(viaLoading.runOutcomes().step1Labels()).usingRecursiveComparison()
                .as("an 8-token window gives other scores than the default window")
                .isNotEqualTo(RunAnalysis.of(cached, defaults).runOutcomes().step1Labels());
    }

    @Test
    void analyzeANonDefaultSignalPrintsTheSameFromTheCacheAsFromTheFile() throws Exception {
        String[] args = {"analyze", "--signal", "deepconf-tail", "--k", "15", "--json", runPath.toString()};
        Result first = run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(SummaryCache.userDefault().get(SummaryCache.Key.of(runPath))).as("stored by the first run").isNotNull();
        Result fromCache = run(args);
        String[] noCache = {"analyze", "--no-cache", "--signal", "deepconf-tail", "--k", "15", "--json",
                runPath.toString()};
        Result fromFile = run(noCache);
        assertThat(fromCache.code()).as(fromCache.err()).isZero();
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        JsonNode cachedJson = new ObjectMapper().readTree(fromCache.out());
        assertThat(cachedJson).isEqualTo(new ObjectMapper().readTree(fromFile.out()));
        assertThat(cachedJson.toString()).contains("refused-q");

        Result text = run("analyze", "--signal", "deepconf-lowest-group", runPath.toString());
        Result textNoCache = run("analyze", "--no-cache", "--signal", "deepconf-lowest-group", runPath.toString());
        assertThat(text.out()).isNotBlank().isEqualTo(textNoCache.out());
    }
}
