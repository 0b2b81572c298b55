package org.entropyworkbench.ui.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.analysis.SignalComparison;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.stats.Discrimination;
import org.entropyworkbench.core.stats.PercentileInterval;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.common.IntervalFigure;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.task.TaskHandle;
import org.entropyworkbench.ui.workspace.AnalysisSession;
import org.entropyworkbench.ui.workspace.MethodOption;

/**
 * The 95 % bootstrap intervals of the Analysis screen's figures: AUROC, Cohen's d, and the chosen rule's
 * τ, token savings and Δ-Acc, for the session's analysis (its run, signal, k and priors). The point figures
 * are set at once from the analysis; the intervals come from {@link SignalComparison#report(RunAnalysis, int,
 * long, int)} (the same seeded resamples as the Signals screen and {@code analyze --signals}, seed and draws
 * from {@link AnalysisDefaults}) computed through the {@link TaskExecutor} off the FX thread, while the tiles
 * say "interval…". A result that arrives after a newer analysis is dropped; the last few reports are kept so
 * switching back to a signal or k shows its intervals at once. Choosing another rule only re-formats.
 *
 * <p>Savings and Δ-Acc intervals are the rule's (τ re-estimated in every resample), so a custom τ has none.
 * FX thread only.
 */
public final class AnalysisIntervals {

    private static final int REMEMBERED = 16;

    private final AnalysisSession session;
    private final TaskExecutor executor;
    private final Supplier<double[]> tauRange;
    private final Map<RunAnalysis, SignalReport> known = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RunAnalysis, SignalReport> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final ReadOnlyObjectWrapper<SignalReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper aurocText = new ReadOnlyStringWrapper(this, "auroc", Formats.MISSING);
    private final ReadOnlyStringWrapper cohensDText = new ReadOnlyStringWrapper(this, "cohensD", Formats.MISSING);
    private final ReadOnlyStringWrapper tauText = new ReadOnlyStringWrapper(this, "tau", Formats.MISSING);
    private final ReadOnlyObjectWrapper<IntervalFigure> auroc = figure("aurocInterval");
    private final ReadOnlyObjectWrapper<IntervalFigure> cohensD = figure("cohensDInterval");
    private final ReadOnlyObjectWrapper<IntervalFigure> tau = figure("tauInterval");
    private final ReadOnlyObjectWrapper<IntervalFigure> savings = figure("savingsInterval");
    private final ReadOnlyObjectWrapper<IntervalFigure> delta = figure("deltaInterval");

    private long generation;
    private TaskHandle task;

    /**
     * @param tauRange the τ slider's range in the signal's units ({min, max}), the scale of τ's whisker
     */
    public AnalysisIntervals(AnalysisSession session, TaskExecutor executor, Supplier<double[]> tauRange) {
        this.session = Objects.requireNonNull(session);
        this.executor = Objects.requireNonNull(executor);
        this.tauRange = Objects.requireNonNull(tauRange);
        session.analysisProperty().addListener((obs, old, now) -> analysisChanged(now));
        session.methodProperty().addListener((obs, old, now) -> format());
        session.tauProperty().addListener((obs, old, now) -> format());
        analysisChanged(session.analysis());
    }

    /** The bootstrap report of the current analysis; null while it computes or when there is no analysis. */
    public ReadOnlyObjectProperty<SignalReport> reportProperty() { return report.getReadOnlyProperty(); }

    public SignalReport report() { return report.get(); }

    /** True while the bootstrap runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** AUROC of the signal on the run, e.g. "0.716". */
    public ReadOnlyStringProperty aurocTextProperty() { return aurocText.getReadOnlyProperty(); }

    /** Cohen's d, oriented (positive: incorrect answers look less confident), e.g. "0.84". */
    public ReadOnlyStringProperty cohensDTextProperty() { return cohensDText.getReadOnlyProperty(); }

    /** The current τ in the signal's units, e.g. "0.876". */
    public ReadOnlyStringProperty tauTextProperty() { return tauText.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<IntervalFigure> aurocProperty() { return auroc.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<IntervalFigure> cohensDProperty() { return cohensD.getReadOnlyProperty(); }

    /** The chosen rule's τ interval (in the signal's units). */
    public ReadOnlyObjectProperty<IntervalFigure> tauProperty() { return tau.getReadOnlyProperty(); }

    /** The chosen rule's token-savings interval (%). */
    public ReadOnlyObjectProperty<IntervalFigure> savingsProperty() { return savings.getReadOnlyProperty(); }

    /** The chosen rule's Δ-Acc interval (percentage points). */
    public ReadOnlyObjectProperty<IntervalFigure> deltaProperty() { return delta.getReadOnlyProperty(); }

    private void analysisChanged(RunAnalysis a) {
        generation++;
        long mine = generation;
        if (task != null) {
            task.cancel();
            task = null;
        }
        busy.set(false);
        if (a == null) {
            report.set(null);
            aurocText.set(Formats.MISSING);
            cohensDText.set(Formats.MISSING);
            format();
            return;
        }
        double[] correct = a.runOutcomes().correctH();
        double[] incorrect = a.runOutcomes().incorrectH();
        aurocText.set(correct.length == 0 || incorrect.length == 0 ? Formats.MISSING
                : Formats.number(Discrimination.auroc(correct, incorrect), 3));
        cohensDText.set(Formats.number(a.separation().cohensD(), 2));
        SignalReport cached = known.get(a);
        busy.set(cached == null);
        report.set(cached);
        format();
        if (cached != null) {
            return;
        }
        task = executor.submit("Bootstrap intervals (" + AnalysisDefaults.BOOTSTRAP_RESAMPLES + " resamples)",
                progress -> SignalComparison.report(a, AnalysisDefaults.BOOTSTRAP_RESAMPLES,
                        AnalysisDefaults.BOOTSTRAP_SEED, 0),
                result -> {
                    known.put(a, result);
                    if (mine == generation) {
                        busy.set(false);
                        report.set(result);
                        format();
                    }
                },
                error -> {
                    if (mine == generation) {
                        busy.set(false);
                        IntervalFigure failed = IntervalFigure.textOnly("interval failed: " + error.getMessage());
                        for (var f : List.of(auroc, cohensD, tau, savings, delta)) {
                            f.set(failed);
                        }
                    }
                });
    }

    /** Sets every figure from the current analysis, report and rule. */
    private void format() {
        RunAnalysis a = session.analysis();
        double t = session.shownTau(session.tauProperty().get());
        tauText.set(a == null ? Formats.MISSING : Formats.number(t, 3));
        if (a == null) {
            for (var f : List.of(auroc, cohensD, tau, savings, delta)) {
                f.set(IntervalFigure.none());
            }
            return;
        }
        SignalReport r = report.get();
        if (r == null) {
            IntervalFigure pending = busy.get() ? IntervalFigure.pending() : IntervalFigure.none();
            for (var f : List.of(auroc, cohensD, tau, savings, delta)) {
                f.set(pending);
            }
            return;
        }
        if (!r.available()) {
            IntervalFigure none = IntervalFigure.textOnly("no interval");
            for (var f : List.of(auroc, cohensD, tau, savings, delta)) {
                f.set(none);
            }
            return;
        }
        auroc.set(IntervalFigure.of(r.auroc(), r.aurocInterval(), 1, 3, "", 0, 1, 0.5));
        cohensD.set(symmetricAboutZero(r.cohensD(), r.cohensDInterval(), 1, 2, ""));
        MethodOption m = session.methodProperty().get();
        SignalReport.RuleReport rule = m == null || m.isCustom() ? null : r.rule(m.method());
        if (rule == null) {
            IntervalFigure custom = IntervalFigure.textOnly("custom τ: no interval");
            tau.set(custom);
            savings.set(custom);
            delta.set(custom);
            return;
        }
        double[] range = tauRange.get();
        tau.set(rule.available() ? IntervalFigure.of(rule.tau(), rule.tauInterval(), 1, 3, "", range[0], range[1], Double.NaN)
                : IntervalFigure.textOnly("no τ for this rule"));
        savings.set(IntervalFigure.of(rule.tokenSavings(), rule.savingsInterval(), 100, 1, " %", 0, 100, Double.NaN));
        delta.set(symmetricAboutZero(rule.deltaAccuracy(), rule.deltaInterval(), 1, 1, " pts"));
    }

    /** A figure whose bar is centred on 0 (marked), wide enough for the interval and the point. */
    private static IntervalFigure symmetricAboutZero(double point, PercentileInterval i, double factor, int decimals,
                                                     String suffix) {
        double reach = 1e-9;
        if (i != null && i.defined()) {
            reach = Math.max(Math.abs(factor * i.lower()), Math.abs(factor * i.upper()));
        }
        if (Double.isFinite(point)) {
            reach = Math.max(reach, Math.abs(factor * point));
        }
        reach *= 1.15;
        return IntervalFigure.of(point, i, factor, decimals, suffix, -reach, reach, 0);
    }

    private ReadOnlyObjectWrapper<IntervalFigure> figure(String name) {
        return new ReadOnlyObjectWrapper<>(this, name, IntervalFigure.none());
    }
}
