package org.entropyworkbench.ui.calibration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.run.WorkbenchVersion;
import org.entropyworkbench.core.stats.SampleSummary;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdResult;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.entropyworkbench.ui.workspace.AnalysisSession;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.SampleMode;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.task.LatestTask;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * State of the Calibration screen: which questions set the thresholds (all, or repeated n-shot
 * draws), the resulting τ per rule with its spread and expected effects, and export/import of
 * calibration files. Few-shot draws run through the {@link TaskExecutor}; everything else is
 * cheap. Properties are FX-thread only.
 */
public final class CalibrationViewModel {

    public static final int MIN_SHOTS = 5;
    public static final int MAX_SHOTS = 20;

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final AnalysisSession session;
    private final ObservableList<CalibrationRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FewShotCalibration.Result> fewShot = new ReadOnlyObjectWrapper<>(this, "fewShot");
    private final ReadOnlyObjectWrapper<RunAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyStringWrapper sessionText = new ReadOnlyStringWrapper(this, "session", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper importedText = new ReadOnlyStringWrapper(this, "imported", "No calibration imported");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final LatestTask latest;

    public CalibrationViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.latest = new LatestTask(executor, busy);
        this.session = workspace.session();
        session.analysisProperty().addListener((obs, old, now) -> compute());
        session.sampleModeProperty().addListener((obs, old, now) -> {
            compute();
            updateSessionText();
        });
        session.methodProperty().addListener((obs, old, now) -> updateSessionText());
        session.tauProperty().addListener((obs, old, now) -> updateSessionText());
        session.kProperty().addListener((obs, old, now) -> updateSessionText());
        session.priorsProperty().addListener((obs, old, now) -> updateSessionText());
        workspace.calibration().addListener((obs, old, now) -> applyImported());
        compute();
        updateSessionText();
    }

    /** The session's sample mode (shared with the workspace). */
    public ObjectProperty<SampleMode> modeProperty() { return session.sampleModeProperty(); }

    /** n: labelled examples per draw (5..20). */
    public IntegerProperty shotsProperty() { return session.shotsProperty(); }

    public LongProperty seedProperty() { return session.seedProperty(); }

    public IntegerProperty drawsProperty() { return session.drawsProperty(); }

    /**
     * The threshold a gated run should use: a rule, or custom (the τ set on the Analysis screen);
     * the session's, so it is the same choice the Analysis screen shows. Written as chosenMethod
     * (and chosenTau) in the exported file.
     */
    public ObjectProperty<MethodOption> chosenMethodProperty() { return session.methodProperty(); }

    /** What the export carries from the session, e.g. "k = 5 · equal priors · custom τ = 0.1230 bits". */
    public ReadOnlyStringProperty sessionTextProperty() { return sessionText.getReadOnlyProperty(); }

    public ObservableList<CalibrationRow> rows() { return rows; }

    /** The last few-shot result, null in-sample. */
    public ReadOnlyObjectProperty<FewShotCalibration.Result> fewShotProperty() { return fewShot.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<RunAnalysis> analysisProperty() { return analysis.getReadOnlyProperty(); }

    /** Last action's outcome, e.g. "Saved calibration to /tmp/c.json". */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyStringProperty importedTextProperty() { return importedText.getReadOnlyProperty(); }

    public BooleanProperty busyProperty() { return busy; }

    public Workspace workspace() { return workspace; }

    /** Recomputes the rows for the current run and sample choice (few-shot in the background). */
    public void compute() {
        latest.cancel();
        LoadedRun current = session.runProperty().get();
        RunAnalysis a = session.analysis();
        analysis.set(a);
        fewShot.set(null);
        if (a == null) {
            rows.clear();
            status.set(current == null ? "No run loaded."
                    : session.busyProperty().get() ? "Analysing " + current.displayName() + " at " + session.describe() + "…"
                    : current.displayName() + ": nothing to calibrate yet.");
            return;
        }
        if (a.gradingState() == GradingState.UNGRADED) {
            rows.clear();
            status.set(current.displayName() + ": " + GradingState.NO_GOLD_REASON + ". Calibrate on a labelled run;"
                    + " the Follow screen shows live traffic against that calibration.");
            return;
        }
        String partly = a.gradingState().note(a.runOutcomes().ungradedIds().size());
        if (session.sampleModeProperty().get() == SampleMode.ALL) {
            rows.setAll(withImported(inSampleRows(a)));
            status.set("In-sample: thresholds from all " + a.runOutcomes().step1Labels().size()
                    + " labelled questions; effects on the " + a.outcomes().size() + " complete questions."
                    + (partly == null ? "" : " " + partly + "."));
            return;
        }
        int n = session.shotsProperty().get();
        int d = session.drawsProperty().get();
        long s = session.seedProperty().get();
        status.set("Drawing " + d + " samples of " + n + "…");
        latest.submit("Few-shot calibration (" + d + " draws of " + n + ")",
                progress -> FewShotCalibration.run(a.outcomes(), n, d, s, a.options().thresholdOptions()),
                result -> {
                    fewShot.set(result);
                    rows.setAll(withImported(fewShotRows(result)));
                    status.set(d + " draws of " + n + " labelled questions (seed " + s + "); τ and effects are"
                            + " evaluated on the questions not drawn.");
                },
                error -> {
                    rows.clear();
                    status.set("Few-shot calibration impossible: " + error.getMessage());
                });
    }

    static List<CalibrationRow> inSampleRows(RunAnalysis a) {
        List<CalibrationRow> out = new ArrayList<>();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            ThresholdResult r = a.thresholds().result(m);
            TradeoffPoint p = a.atMethod(m);
            out.add(new CalibrationRow(m, r.tau(), Double.NaN, r.tau(), r.tau(), r.tau(),
                    r.available() ? p.tokenSavings() : Double.NaN, r.available() ? p.callSavings() : Double.NaN,
                    r.available() ? p.gatedAccuracy() : Double.NaN, r.available() ? p.deltaAccuracyPoints() : Double.NaN,
                    r.available() ? 1 : 0, Double.NaN, r.note() == null ? "" : r.note()));
        }
        return out;
    }

    static List<CalibrationRow> fewShotRows(FewShotCalibration.Result result) {
        List<CalibrationRow> out = new ArrayList<>();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            FewShotCalibration.MethodSummary s = result.summary(m);
            SampleSummary tau = s.tau();
            List<String> notes = new ArrayList<>();
            if (s.unavailableDraws() > 0) {
                notes.add(s.unavailableDraws() + " of " + result.drawCount() + " draws unavailable: " + s.unavailableReason());
            }
            if (s.fallbackDraws() > 0) {
                notes.add(s.fallbackDraws() + " draws fell back to the entropy mean");
            }
            out.add(new CalibrationRow(m, tau.mean(), tau.sd(), tau.min(), tau.max(), s.fullSetTau(),
                    s.tokenSavings().mean(), s.callSavings().mean(), s.gatedAccuracy().mean(),
                    s.deltaAccuracyPoints().mean(), s.availableDraws(), Double.NaN, String.join("; ", notes)));
        }
        return out;
    }

    /**
     * The calibration file for what the screens show: the session's k and priors (the analysis is at
     * them), the sample settings, and the session's choice (a rule, or the custom τ). The same file
     * {@code ew calibrate} writes with the same flags, apart from createdAt. Throws
     * IllegalStateException when there is nothing to export, IllegalArgumentException when the
     * chosen rule is unavailable.
     */
    public CalibrationFile calibrationFile() {
        RunAnalysis a = analysis.get();
        if (a == null) {
            throw new IllegalStateException("no analysed run to calibrate from");
        }
        if (!a.options().equals(session.options())) {
            throw new IllegalStateException("the analysis at " + session.describe() + " is still being computed");
        }
        if (!a.gradingState().hasClasses()) {
            throw new IllegalStateException(GradingState.NO_GOLD_REASON);
        }
        MethodOption option = session.methodProperty().get();
        boolean custom = option == null || option.isCustom();
        ThresholdMethod rule = custom ? null : option.method();
        String version = WorkbenchVersion.current();
        CalibrationFile file;
        if (session.sampleModeProperty().get() == SampleMode.FEW_SHOT) {
            FewShotCalibration.Result r = fewShot.get();
            if (r == null) {
                throw new IllegalStateException("the few-shot draws have not finished");
            }
            file = CalibrationFile.fromFewShot(a, r, rule, version, Instant.now());
        } else {
            file = CalibrationFile.from(a, rule, version, Instant.now());
        }
        if (custom) {
            double t = session.shownTau(session.tauProperty().get());
            if (!Double.isFinite(t) || t < 0) {
                throw new IllegalStateException("no custom τ set: drag τ on the Analysis screen or choose a rule");
            }
            file = file.withCustomTau(t);
        }
        return file.withProvenance(ServingProvenance.fromRun(a.header(), a.options().k()));
    }

    private void updateSessionText() {
        MethodOption option = session.methodProperty().get();
        boolean drawnRule = session.sampleModeProperty().get() == SampleMode.FEW_SHOT && option != null && !option.isCustom();
        sessionText.set("Exports " + (drawnRule
                ? "k = " + session.kProperty().get() + " · " + session.priorsProperty().get().id() + " priors · "
                        + option.method().label() + ", τ = its mean over the draws"
                : session.describe()));
    }

    /**
     * Writes the calibration to {@code file} in the background; {@code status} confirms with the
     * path or says what went wrong. The exported calibration becomes the workspace's calibration
     * (so a gated run can use it).
     */
    public void exportTo(Path file) {
        CalibrationFile calibration;
        try {
            calibration = calibrationFile();
        } catch (RuntimeException e) {
            status.set("Cannot export: " + e.getMessage());
            return;
        }
        executor.submit("Writing " + file.getFileName(), progress -> {
            CalibrationFileWriter.write(file, calibration);
            return file;
        }, written -> {
            workspace.calibration().set(calibration);
            status.set("Saved calibration to " + written.toAbsolutePath());
        }, error -> status.set("Could not save: " + error.getMessage()));
    }

    /** Reads a calibration file in the background and stores it in the workspace. */
    public void importFrom(Path file) {
        executor.submit("Reading " + file.getFileName(), progress -> CalibrationFileReader.read(file),
                calibration -> {
                    workspace.calibration().set(calibration);
                    status.set("Imported calibration from " + file.toAbsolutePath());
                },
                error -> status.set("Could not import: " + error.getMessage()));
    }

    private void applyImported() {
        rows.setAll(withImported(new ArrayList<>(rows)));
    }

    private List<CalibrationRow> withImported(List<CalibrationRow> in) {
        CalibrationFile c = workspace.calibration().get();
        if (c == null) {
            importedText.set("No calibration imported");
        } else {
            importedText.set("Imported: " + c.model() + " / " + (c.dataset() == null ? "?" : c.dataset()) + ", k = "
                    + c.k() + ", " + c.sample().mode() + " (n = " + c.sample().n() + ")"
                    + (c.chosen() == null ? "" : ", gated runs use " + c.chosen().describe()));
        }
        List<CalibrationRow> out = new ArrayList<>(in.size());
        for (CalibrationRow r : in) {
            out.add(r.withImportedTau(c == null ? Double.NaN : c.tau(r.method())));
        }
        return out;
    }
}
