package org.entropyworkbench.ui.run;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.entropyworkbench.core.run.StepRecord;

/**
 * One question's line in the Run screen's status table, updated as its steps start and complete.
 * FX thread.
 */
public final class QuestionStatusRow {

    private final String questionId;
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final StringProperty state = new SimpleStringProperty("waiting");
    private final ObjectProperty<Double> step1Entropy = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> lastEntropy = new SimpleObjectProperty<>();
    private final StringProperty answer = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> correct = new SimpleObjectProperty<>();
    private final IntegerProperty stepsDone = new SimpleIntegerProperty(0);
    private final LongProperty tokens = new SimpleLongProperty(0);

    public QuestionStatusRow(String questionId) {
        this.questionId = questionId;
    }

    public String questionId() { return questionId; }

    /** The step running or last completed (0 before the first starts). */
    public IntegerProperty step() { return step; }

    /** "waiting", "step 2 running", "step 2 done". */
    public StringProperty state() { return state; }

    /** Mean token entropy of step 1 at the run's k (bits), null until step 1 completed. */
    public ObjectProperty<Double> step1Entropy() { return step1Entropy; }

    /** Mean token entropy of the last completed step (bits). */
    public ObjectProperty<Double> lastEntropy() { return lastEntropy; }

    /** Answer extracted from the last completed step ("—" when none was found). */
    public StringProperty answer() { return answer; }

    /** Verdict of the last completed step; null = ungradable or not yet known. */
    public ObjectProperty<Boolean> correct() { return correct; }

    public IntegerProperty stepsDone() { return stepsDone; }

    /** Completion tokens of the completed steps. */
    public LongProperty tokens() { return tokens; }

    void started(int s) {
        step.set(s);
        state.set("step " + s + " running");
    }

    void completed(StepRecord r, int k) {
        double h = mean(r.entropies(k));
        step.set(r.step());
        state.set("step " + r.step() + " done");
        if (r.step() == 1) {
            step1Entropy.set(Double.isNaN(h) ? null : h);
        }
        lastEntropy.set(Double.isNaN(h) ? null : h);
        answer.set(r.extractedAnswer() == null ? "—" : r.extractedAnswer());
        correct.set(r.correct());
        stepsDone.set(stepsDone.get() + 1);
        tokens.set(tokens.get() + Math.max(0, r.completionTokens()));
    }

    void stopped(String why) {
        if (state.get().endsWith("running")) {
            state.set(why);
        }
    }

    static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
