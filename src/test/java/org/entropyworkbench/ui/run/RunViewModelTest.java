package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.DatasetException;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunViewModelTest {

    @TempDir
    Path dir;

    private final Workspace workspace = new Workspace(new CurrentThreadTaskExecutor());
    private final ManualTicker ticker = new ManualTicker();

    private RunViewModel viewModel(Map<String, String> env) {
        return new RunViewModel(workspace, new CurrentThreadTaskExecutor(), ticker,
                new ApiKeySource(env, dir.resolve("no-keys.properties")), dir.resolve("replays"));
    }

    @Test
    void replayRunsToTheEndThroughTheEngineAndFillsTheStatusTable() throws Exception {
        Path recorded = SimulatedRuns.write(dir, 6);
        RunFile original = RunFileReader.read(recorded);
        RunViewModel vm = viewModel(Map.of());
        RecordingSink sink = new RecordingSink();
        vm.setLiveSink(sink);

        vm.startReplay(recorded, 0);
        assertThat(vm.running().get()).isTrue();
        assertThat(ticker.started).isTrue();
        tickUntilEnded(vm);

        assertThat(vm.progress().get()).isEqualTo(1.0);
        assertThat(vm.questions()).hasSize(6);
        Map<String, StepRecord> step1 = new HashMap<>();
        for (StepRecord r : original.steps()) {
            if (r.step() == 1) {
                step1.put(r.questionId(), r);
            }
        }
        for (QuestionStatusRow row : vm.questions()) {
            assertThat(row.stepsDone().get()).as(row.questionId()).isEqualTo(4);
            assertThat(row.state().get()).isEqualTo("step 4 done");
            StepRecord last = original.steps().stream()
                    .filter(r -> r.questionId().equals(row.questionId()) && r.step() == 4).findFirst().orElseThrow();
            assertThat(row.correct().get()).isEqualTo(last.correct());
            double recordedH1 = QuestionStatusRow.mean(step1.get(row.questionId()).entropies(20));
            assertThat(row.step1Entropy().get()).isCloseTo(recordedH1, org.assertj.core.api.Assertions.within(1e-3));
        }
        long streamedTokens = sink.tokens.values().stream().mapToLong(Long::longValue).sum();
        long recordedTokens = original.steps().stream().mapToLong(StepRecord::tokenRecordCount).sum();
        assertThat(streamedTokens).isEqualTo(recordedTokens);
        assertThat(sink.completed).hasSize(24);
        assertThat(sink.runStarts).isEqualTo(1);
        assertThat(vm.status().get()).startsWith("Run finished");
        assertThat(workspace.runs()).hasSize(1);
        assertThat(workspace.runs().get(0).file().steps()).hasSize(24);
        var written = org.entropyworkbench.core.run.RunFileReader.read(workspace.runs().get(0).path());
        assertThat(workspace.runs().get(0).file().header()).as("the header the engine wrote, not re-read")
                .isEqualTo(written.header());
        java.util.function.Function<StepRecord, String> key = r -> r.questionId() + "/" + r.step() + "/" + r.correct()
                + "/" + r.text() + "/" + r.completionTokens() + "/" + r.extractedAnswer();
        assertThat(workspace.runs().get(0).file().steps()).as("the steps the screen received are the file's")
                .extracting(key).containsExactlyInAnyOrderElementsOf(written.steps().stream().map(key).toList());
        assertThat(workspace.runs().get(0).analysis().outcomes()).hasSize(
                org.entropyworkbench.core.analysis.RunAnalysis.of(written,
                        org.entropyworkbench.core.analysis.AnalysisOptions.defaults()).outcomes().size());
        assertThat(ticker.started).isFalse();
    }

    @Test
    void cancelStopsTheRunAndKeepsCompletedStepsInTheFile() throws Exception {
        Path recorded = SimulatedRuns.write(dir, 8);
        RunViewModel vm = viewModel(Map.of());
        vm.form().concurrency().set(1);
        vm.startReplay(recorded, 2_000);
        while (vm.questions().stream().mapToInt(r -> r.stepsDone().get()).sum() < 2) {
            Thread.sleep(5);
            vm.tick();
        }
        vm.cancel();
        tickUntilEnded(vm);
        assertThat(vm.status().get()).contains("cancelled");
        assertThat(vm.progress().get()).isLessThan(1.0);
        RunFile written = RunFileReader.read(vm.session().output());
        assertThat(written.steps().size()).isGreaterThanOrEqualTo(2).isLessThan(32);
        assertThat(written.problems()).isEmpty();
    }

    @Test
    void missingDatasetAndMissingKeyAreReportedWithTheField() throws DatasetException {
        RunViewModel vm = viewModel(Map.of());
        vm.form().dataset().set(null);
        vm.form().model().set("some-model");
        vm.startRun();
        assertThat(vm.running().get()).isFalse();
        assertThat(vm.status().get()).startsWith("Could not start: Dataset:");

        vm.form().dataset().set(BuiltInDatasets.load(BuiltInDatasets.MINI));
        vm.form().preset().set(ServerPreset.OPENROUTER);
        assertThat(vm.form().keyVariable().get()).isEqualTo("OPENROUTER_API_KEY");
        assertThat(vm.form().baseUrl().get()).isEqualTo(ServerPreset.OPENROUTER.defaultBaseUrl());
        vm.startRun();
        assertThat(vm.status().get()).contains("API key").contains("OPENROUTER_API_KEY");

        vm.form().mode().set(RunMode.GATED);
        vm.form().typedKey().set("sk-test-not-a-real-key");
        vm.startRun();
        assertThat(vm.status().get()).contains("needs a calibration").doesNotContain("sk-test");
        assertThat(vm.form().snapshot().toString()).doesNotContain("sk-test");
    }

    @Test
    void probeOfAnUnreachableServerSaysSoWithoutThrowing() {
        RunViewModel vm = viewModel(Map.of());
        vm.form().preset().set(ServerPreset.VLLM);
        vm.form().baseUrl().set("http://127.0.0.1:9/v1");
        vm.form().model().set("m");
        vm.probe();
        assertThat(vm.probeResult().get()).isNotBlank().doesNotStartWith("Probing");
    }

    @Test
    void aFailedProbeBlocksStartUntilTheUserOverridesItOrChangesTheServer() throws Exception {
        RunViewModel vm = viewModel(Map.of());
        vm.form().preset().set(ServerPreset.VLLM);
        vm.form().baseUrl().set("http://127.0.0.1:9/v1");
        vm.form().model().set("m");
        vm.form().dataset().set(BuiltInDatasets.load(BuiltInDatasets.MINI));
        vm.form().output().set(dir.resolve("blocked.jsonl").toString());
        assertThat(vm.startBlocked().get()).as("never probed: not blocked").isFalse();

        vm.probe();
        assertThat(vm.probeFailed().get()).isTrue();
        assertThat(vm.startBlocked().get()).isTrue();
        vm.startRun();
        assertThat(vm.running().get()).isFalse();
        assertThat(vm.status().get()).startsWith("Not started: the probe of this server failed");
        assertThat(dir.resolve("blocked.jsonl")).doesNotExist();

        vm.startDespiteProbe().set(true);
        assertThat(vm.startBlocked().get()).as("overridden").isFalse();
        vm.form().baseUrl().set("http://127.0.0.1:10/v1");
        assertThat(vm.probeFailed().get()).as("another server is not known to fail").isFalse();
        assertThat(vm.startDespiteProbe().get()).as("the override does not carry over").isFalse();
    }

    @Test
    void aRunAgainstADeadServerEndsWithItsReasonAndLeavesNoFileToReadBack() throws Exception {
        RunViewModel vm = viewModel(Map.of());
        vm.form().preset().set(ServerPreset.VLLM);
        vm.form().baseUrl().set("http://127.0.0.1:9/v1");
        vm.form().model().set("m");
        vm.form().dataset().set(BuiltInDatasets.load(BuiltInDatasets.MINI));
        Path out = dir.resolve("dead.jsonl");
        vm.form().output().set(out.toString());
        vm.probe();
        vm.startDespiteProbe().set(true);
        vm.startRun();
        tickUntilEnded(vm);
        assertThat(vm.status().get()).startsWith("Run stopped");
        assertThat(out).doesNotExist();
        assertThat(vm.messages()).noneMatch(m -> m.startsWith("Could not read the run file back"));
        assertThat(workspace.runs()).isEmpty();
    }

    @Test
    void aServerAnsweringAsAnotherModelRaisesTheBannerAndAMessage() {
        BufferedRunListener listener = new BufferedRunListener();
        listener.onServedModelDiffers("llama.cpp http://127.0.0.1:8080/v1", "no-such-model", "tiny-llama");
        BufferedRunListener.Drained d = listener.drain();
        assertThat(d.servedModelWarning()).contains("\"tiny-llama\"").contains("\"no-such-model\"");
        assertThat(d.warnings()).containsExactly(d.servedModelWarning());
        assertThat(listener.drain().servedModelWarning()).as("reported once").isNull();
    }

    @Test
    void replayOfAFileWithoutCompleteQuestionsExplainsWhy() throws Exception {
        Path recorded = SimulatedRuns.write(dir, 2);
        List<String> lines = Files.readAllLines(recorded);
        List<String> onlyStep1 = new ArrayList<>();
        onlyStep1.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            if (l.contains("\"step\":1,")) {
                onlyStep1.add(l);
            }
        }
        Path partial = dir.resolve("only-step1.jsonl");
        Files.write(partial, onlyStep1);
        RunViewModel vm = viewModel(Map.of());
        vm.startReplay(partial, 0);
        assertThat(vm.running().get()).isFalse();
        assertThat(vm.status().get()).contains("only-step1.jsonl").contains("nothing to replay");
    }

    private void tickUntilEnded(RunViewModel vm) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (vm.running().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            vm.tick();
        }
        assertThat(vm.running().get()).as("run ended within a minute").isFalse();
    }

    static final class ManualTicker implements UiTicker {
        boolean started;

        @Override
        public void start(Runnable tick) { started = true; }

        @Override
        public void stop() { started = false; }
    }

    static final class RecordingSink implements LiveStreamSink {
        final Map<String, Long> tokens = new HashMap<>();
        final List<String> completed = new ArrayList<>();
        int runStarts;

        @Override
        public void runStarted(int k) { runStarts++; }

        @Override
        public void accept(List<TokenStreamBuffer.LiveTokenBatch> batches) {
            for (TokenStreamBuffer.LiveTokenBatch b : batches) {
                if (b.restarted()) {
                    tokens.put(b.key(), 0L);
                }
                tokens.merge(b.key(), (long) b.size(), Long::sum);
                if (b.completed() != null) {
                    completed.add(b.key());
                }
            }
        }
    }
}
