package org.entropyworkbench.ui.analysis;

import org.entropyworkbench.ui.workspace.MethodOption;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.common.UiTestRuns;
import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisViewModelTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private AnalysisViewModel model;
    private LoadedRun run;

    @BeforeEach
    void setUp() throws Exception {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        model = new AnalysisViewModel(workspace, new CurrentThreadTaskExecutor());
        run = UiTestRuns.load(dir, "reasoning", 80, 11);
        workspace.addRun(run);
    }

    @Test
    void showsTheSelectedRunsAnalysisAndEveryCompleteQuestion() {
        assertThat(model.analysis()).isSameAs(run.analysis());
        assertThat(model.questions()).hasSize(run.analysis().outcomes().size());
        assertThat(model.ablation()).extracting(r -> r.k()).containsExactly(5, 10, 15, 20);
        assertThat(model.separationTextProperty().get()).contains("Cohen's d = "
                + Formats.number(run.analysis().separation().cohensD(), 3));
    }

    @Test
    void selectingARuleSnapsTauAndTheLabelsFollowTheEvaluator() {
        for (ThresholdMethod m : ThresholdMethod.values()) {
            model.selectMethod(new MethodOption(m));
            double tau = run.analysis().thresholds().tau(m);
            assertThat(model.tauProperty().get()).isEqualTo(tau);
            assertThat(model.methodProperty().get().method()).isEqualTo(m);
            assertLabelsMatch(run.analysis().tradeoff().evaluate(tau));
        }
    }

    @Test
    void movingTauAwayFromTheRuleSelectsCustomAndRecomputes() {
        model.selectMethod(new MethodOption(ThresholdMethod.BAYES_OPTIMAL));
        double custom = model.tauMin() + 0.7 * (model.tauMax() - model.tauMin());
        model.setTau(custom);
        assertThat(model.methodProperty().get().isCustom()).isTrue();
        TradeoffPoint expected = run.analysis().tradeoff().evaluate(custom);
        assertThat(model.pointProperty().get()).isEqualTo(expected);
        assertLabelsMatch(expected);
        assertThat(expected.stopped()).isPositive();
    }

    @Test
    void changingKReanalysesAtThatK() {
        model.kProperty().set(5);
        model.priorsProperty().set(BayesPriors.EQUAL);
        model.reanalyse();
        RunAnalysis a = model.analysis();
        assertThat(a).isNotSameAs(run.analysis());
        assertThat(a.options().k()).isEqualTo(5);
        assertThat(a.options().priors()).isEqualTo(BayesPriors.EQUAL);
        model.selectMethod(new MethodOption(ThresholdMethod.ENTROPY_MEAN));
        assertThat(model.tauProperty().get()).isEqualTo(a.thresholds().tau(ThresholdMethod.ENTROPY_MEAN));
    }

    @Test
    void selectingAQuestionListsItsStepsInOrder() {
        QuestionRow row = model.questions().get(3);
        model.selectedQuestionProperty().set(row);
        List<StepRecord> steps = model.selectedStepsProperty().get();
        assertThat(steps).extracting(StepRecord::step).containsExactly(1, 2, 3, 4);
        assertThat(steps).allMatch(s -> s.questionId().equals(row.questionId()));
    }

    @Test
    void withoutARunItSaysSoAndShowsNoNumbers() {
        AnalysisViewModel empty = new AnalysisViewModel(new Workspace(new CurrentThreadTaskExecutor()), new CurrentThreadTaskExecutor());
        assertThat(empty.analysis()).isNull();
        assertThat(empty.messageProperty().get()).contains("No run loaded");
        assertThat(empty.tokenSavingsTextProperty().get()).isEqualTo(Formats.MISSING);
    }

    private void assertLabelsMatch(TradeoffPoint p) {
        assertThat(model.tokenSavingsTextProperty().get()).isEqualTo(Formats.percent(p.tokenSavings()));
        assertThat(model.callSavingsTextProperty().get()).isEqualTo(Formats.percent(p.callSavings()));
        assertThat(model.gatedAccuracyTextProperty().get()).isEqualTo(Formats.percent(p.gatedAccuracy()));
        assertThat(model.threshAccuracyTextProperty().get()).isEqualTo(Formats.percent(p.threshAccuracy()));
        assertThat(model.deltaAccuracyTextProperty().get()).isEqualTo(Formats.points(p.deltaAccuracyPoints()));
        assertThat(model.stoppedTextProperty().get()).isEqualTo(p.stopped() + " of " + p.n());
    }
}
