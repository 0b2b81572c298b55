package org.entropyworkbench.ui.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalBootstrap;
import org.entropyworkbench.core.signal.SignalNeed;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.RunFileLoader;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void ranksEverySignalOfTheSessionRunByAurocWithTheCliFigures() throws Exception {
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        SignalsViewModel model = new SignalsViewModel(ws, new CurrentThreadTaskExecutor());
        LoadedRun run = UiTestRuns.load(dir, "reasoning", 120, 5);
        ws.addRun(run);
        assertThat(model.rows()).as("nothing is computed while the screen is hidden").isEmpty();

        model.setActive(true);
        assertThat(model.rows()).hasSize(Signal.values().length);
        assertThat(model.rows()).allMatch(SignalRow::available);
        List<Double> aurocs = model.rows().stream().map(SignalRow::auroc).toList();
        List<Double> sorted = new ArrayList<>(aurocs);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertThat(aurocs).isEqualTo(sorted);
        assertThat(model.rows()).extracting(SignalRow::rank).startsWith(1, 2, 3);

        SignalReport expected = SignalComparison.report(run.file(),
                AnalysisOptions.defaults().withSignal(Signal.MEAN_ENTROPY), SignalBootstrap.DEFAULT_RESAMPLES,
                SignalBootstrap.DEFAULT_SEED, SignalComparison.DEFAULT_PERMUTATIONS);
        SignalRow entropy = model.rows().stream().filter(r -> r.signal() == Signal.MEAN_ENTROPY).findFirst().orElseThrow();
        assertThat(entropy.auroc()).isEqualTo(expected.auroc()).isGreaterThan(0.5);
        assertThat(entropy.interval()).isEqualTo(SignalRow.interval(expected.aurocInterval(), 3)).startsWith("[");
        assertThat(model.settingsTextProperty().get()).contains("2000 bootstrap resamples", "k = 20");

        model.useOnAnalysis(Signal.MEAN_NLL);
        assertThat(ws.session().signalProperty().get()).isEqualTo(Signal.MEAN_NLL);
        assertThat(ws.session().analysis().signal()).isEqualTo(Signal.MEAN_NLL);
    }

    @Test
    void signalsTheRunLacksDataForAreListedLastWithTheReason() throws Exception {
        Path withoutConfidences = stripFields(UiTestRuns.write(dir, "reasoning", 60, 8), dir.resolve("format-1.0.jsonl"));
        Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
        SignalsViewModel model = new SignalsViewModel(ws, new CurrentThreadTaskExecutor());
        model.setActive(true);
        assertThat(model.messageProperty().get()).startsWith("No run selected");
        ws.addRun(RunFileLoader.load(withoutConfidences));

        List<SignalRow> unavailable = model.rows().stream().filter(r -> !r.available()).toList();
        assertThat(unavailable).extracting(SignalRow::signal).containsExactlyInAnyOrder(Signal.DEEPCONF_MEAN,
                Signal.DEEPCONF_LOWEST_GROUP, Signal.DEEPCONF_BOTTOM_10, Signal.DEEPCONF_TAIL, Signal.MEAN_NLL);
        assertThat(model.rows().subList(model.rows().size() - unavailable.size(), model.rows().size()))
                .containsExactlyElementsOf(unavailable);
        SignalRow nll = unavailable.stream().filter(r -> r.signal() == Signal.MEAN_NLL).findFirst().orElseThrow();
        assertThat(nll.note()).isEqualTo("Unavailable: " + SignalNeed.CHOSEN_LOGPROB.missingReason());
        assertThat(nll.rank()).isZero();
        assertThat(nll.aurocText()).isEqualTo("–");
    }

    /** A copy of a run file as format 1.0 wrote it: no chosen-token logprobs, no token confidences. */
    static Path stripFields(Path from, Path to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(from)) {
            ObjectNode node = (ObjectNode) json.readTree(line);
            node.remove("lp");
            node.remove("conf");
            if ("header".equals(node.path("type").asText())) {
                node.put("minor", 0);
            }
            out.add(json.writeValueAsString(node));
        }
        return Files.write(to, out);
    }
}
