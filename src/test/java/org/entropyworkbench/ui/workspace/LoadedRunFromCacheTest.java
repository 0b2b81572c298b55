package org.entropyworkbench.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.cache.SummaryCache;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.analysis.AnalysisViewModel;
import org.entropyworkbench.ui.analysis.QuestionRow;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.BackgroundWork;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.task.TaskHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a run opened again comes from the summary cache with nothing parsed, gives the same
 * analysis as the parse, and reads its per-token records only when a question is opened.
 */
class LoadedRunFromCacheTest {

    @TempDir
    Path dir;

    @Test
    void aSecondOpenParsesNothingAndAnalysesTheSame() throws Exception {
        SummaryCache cache = new SummaryCache(dir.resolve("cache"));
        Path file = UiTestRuns.write(dir, "reasoning", 40, 7);

        LoadedRun first = RunFileLoader.load(file, cache);
        LoadedRun again = RunFileLoader.load(file, cache);

        assertThat(first.fileLoaded()).as("a first open parses the file and keeps it").isTrue();
        assertThat(again.fileLoaded()).as("an open from the cache parses nothing").isFalse();
        assertSameAnalysis(again.analysis(), first.analysis());
        assertThat(again.header()).isEqualTo(first.header());
        assertThat(again.displayName()).isEqualTo(first.displayName());

        // every signal at the default settings: from the summary, as from the parse
        for (Signal signal : List.of(Signal.values())) {
            AnalysisOptions options = AnalysisOptions.defaults().withSignal(signal);
            RunAnalysis fromCache = RunFileLoader.analyse(again, options);
            RunAnalysis parsed = RunFileLoader.analyse(first.file(), options);
            if (parsed == null) {
                assertThat(fromCache).as(signal.id()).isNull();
            } else {
                assertSameAnalysis(fromCache, parsed);
            }
        }

        List<StepRecord> steps = again.file().steps();
        assertThat(again.fileLoaded()).isTrue();
        assertThat(steps).hasSameSizeAs(first.file().steps());
        assertThat(steps.get(3).entropies(10)).containsExactly(first.file().steps().get(3).entropies(10));
    }

    @Test
    void aChangedFileIsParsedAgain() throws Exception {
        SummaryCache cache = new SummaryCache(dir.resolve("cache"));
        Path file = UiTestRuns.write(dir, "reasoning", 30, 8);
        LoadedRun before = RunFileLoader.load(file, cache);

        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 5));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        LoadedRun after = RunFileLoader.load(file, cache);

        assertThat(after.fileLoaded()).as("a shortened file misses the cache and is parsed").isTrue();
        assertThat(after.summary().steps()).hasSize(before.summary().steps().size() - 5);

        Files.write(file, List.of("{not json"), StandardOpenOption.APPEND);
        LoadedRun grown = RunFileLoader.load(file, cache);
        assertThat(grown.fileLoaded()).isTrue();
        assertThat(RunFileLoader.problems(grown.summary())).isNotEmpty();
    }

    @Test
    void theQuestionReaderReadsTheRecordsInTheBackgroundWithALoadingState() throws Exception {
        SummaryCache cache = new SummaryCache(dir.resolve("cache"));
        Path file = UiTestRuns.write(dir, "reasoning", 30, 9);
        LoadedRun parsed = RunFileLoader.load(file, cache);
        LoadedRun cached = RunFileLoader.load(file, cache);
        assertThat(cached.fileLoaded()).isFalse();

        DeferredExecutor executor = new DeferredExecutor();
        Workspace ws = new Workspace(executor);
        AnalysisViewModel model = new AnalysisViewModel(ws, executor);
        ws.addRun(cached);
        executor.runAll();
        QuestionRow row = model.questions().get(2);

        model.selectedQuestionProperty().set(row);
        assertThat(model.stepsLoadingProperty().get()).isTrue();
        assertThat(model.selectedStepsProperty().get()).isEmpty();
        assertThat(cached.fileLoaded()).as("nothing read on the FX thread").isFalse();

        executor.runAll();
        assertThat(model.stepsLoadingProperty().get()).isFalse();
        List<StepRecord> expected = parsed.file().steps().stream()
                .filter(s -> s.questionId().equals(row.questionId())).toList();
        assertThat(model.selectedStepsProperty().get()).isNotEmpty();
        assertThat(model.selectedStepsProperty().get()).extracting(StepRecord::step)
                .containsExactlyElementsOf(expected.stream().map(StepRecord::step).sorted().toList());

        QuestionRow other = model.questions().get(5);
        model.selectedQuestionProperty().set(other);
        assertThat(model.stepsLoadingProperty().get()).as("records in memory now: no second read").isFalse();
        assertThat(model.selectedStepsProperty().get()).allMatch(s -> s.questionId().equals(other.questionId()));
    }

    private static void assertSameAnalysis(RunAnalysis actual, RunAnalysis expected) {
        assertThat(actual.outcomes()).usingRecursiveComparison().isEqualTo(expected.outcomes());
        assertThat(actual.separation().cohensD()).isEqualTo(expected.separation().cohensD());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(actual.thresholds().tau(m)).as(m.name()).isEqualTo(expected.thresholds().tau(m));
            assertThat(actual.atMethod(m).tokenSavings()).isEqualTo(expected.atMethod(m).tokenSavings());
        }
    }

    /** Holds background work until {@link #runAll}, so a test sees the state in between. FX-thread twin. */
    private static final class DeferredExecutor implements TaskExecutor {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                                     Consumer<Throwable> onFailure) {
            boolean[] cancelled = {false};
            boolean[] done = {false};
            queued.add(() -> {
                if (cancelled[0]) {
                    return;
                }
                try {
                    T result = work.call(null);
                    done[0] = true;
                    onSuccess.accept(result);
                } catch (Exception e) {
                    done[0] = true;
                    onFailure.accept(e);
                }
            });
            return new TaskHandle() {
                @Override
                public void cancel() { cancelled[0] = true; }

                @Override
                public boolean isDone() { return done[0]; }
            };
        }

        @Override
        public void runOnUiThread(Runnable action) {
            action.run();
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.remove(0).run();
            }
        }
    }
}
