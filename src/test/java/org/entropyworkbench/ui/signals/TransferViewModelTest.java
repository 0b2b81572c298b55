package org.entropyworkbench.ui.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.SignalTransfer;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.RunFileLoader;
import org.entropyworkbench.ui.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transfer section on two bundled sample runs (reasoning and instruction model on the GPQA-sized set):
 * the reasoning model's τ loses accuracy on the instruction model, the other way round it holds.
 */
class TransferViewModelTest {

    private Workspace ws;
    private TransferViewModel model;
    private LoadedRun reasoning;
    private LoadedRun instruction;

    @BeforeEach
    void setUp() throws Exception {
        ws = new Workspace(new CurrentThreadTaskExecutor());
        model = new TransferViewModel(ws, new CurrentThreadTaskExecutor());
        reasoning = RunFileLoader.load(Path.of("sample-runs", "2-reasoning-gpqa.jsonl.gz"));
        instruction = RunFileLoader.load(Path.of("sample-runs", "4-instruction-gpqa.jsonl.gz"));
    }

    @Test
    void oneRunAsksForASecondAndNothingIsComputedWhileHidden() {
        ws.addRun(reasoning);
        model.setActive(true);
        assertThat(model.calibrationRunProperty().get()).isSameAs(reasoning);
        assertThat(model.evaluationRunProperty().get()).isNull();
        assertThat(model.verdictProperty().get()).startsWith("Load a second run");
        model.setActive(false);
        ws.addRun(instruction);
        assertThat(model.evaluationRunProperty().get()).isSameAs(instruction);
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void tableIsTheCoreTransferAndTheVerdictSaysWhenTheGateLosesAccuracy() {
        ws.addRun(reasoning);
        ws.addRun(instruction);
        model.setActive(true);
        SignalTransfer expected = SignalTransfer.of(reasoning.file(), instruction.file(), AnalysisOptions.defaults());

        assertThat(model.rows()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            SignalTransfer.Row r = expected.rows().get(i);
            TransferRow shown = model.rows().get(i);
            assertThat(shown.rule()).isEqualTo(r.method().label());
            assertThat(shown.tauInSample()).isEqualTo(Formats.number(r.tauInSample(), 3));
            assertThat(shown.tauTransferred()).isEqualTo(Formats.number(r.tauTransferred(), 3));
            assertThat(shown.savingsTransferred()).isEqualTo(Formats.percent(r.savingsTransferred()));
            assertThat(shown.deltaTransferred()).isEqualTo(Formats.points(r.deltaTransferred()));
            assertThat(shown.losesAccuracy()).isEqualTo(r.losesAccuracy());
            assertThat(shown.verdict()).isEqualTo(r.verdict());
        }
        assertThat(expected.losingRows()).isNotEmpty();
        assertThat(model.losesAccuracyProperty().get()).isTrue();
        assertThat(model.verdictProperty().get()).startsWith("The gate would lose accuracy")
                .contains(expected.losingRows().size() + " of 4 rules", "Calibrate on " + instruction.shortName());

        model.swap();
        SignalTransfer back = SignalTransfer.of(instruction.file(), reasoning.file(), AnalysisOptions.defaults());
        assertThat(back.losingRows()).isEmpty();
        assertThat(model.losesAccuracyProperty().get()).isFalse();
        assertThat(model.verdictProperty().get()).startsWith("Holds: no rule's τ calibrated on " + instruction.shortName());
        assertThat(model.rows().get(0).tauTransferred()).isEqualTo(Formats.number(back.rows().get(0).tauTransferred(), 3));
    }

    @Test
    void followsTheSessionsSignal() {
        ws.addRun(reasoning);
        ws.addRun(instruction);
        model.setActive(true);
        ws.session().signalProperty().set(Signal.DEEPCONF_MEAN);
        SignalTransfer expected = SignalTransfer.of(reasoning.file(), instruction.file(),
                AnalysisOptions.defaults().withSignal(Signal.DEEPCONF_MEAN));
        assertThat(model.settingsTextProperty().get()).contains(Signal.DEEPCONF_MEAN.label(), "high = confident");
        assertThat(model.rows().get(0).tauTransferred()).isEqualTo(Formats.number(expected.rows().get(0).tauTransferred(), 3));
    }
}
