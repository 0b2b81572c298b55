package org.entropyworkbench.ui.app;

import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.workspace.WorkspaceState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.entropyworkbench.core.run.WorkbenchVersion;
import org.entropyworkbench.ui.analysis.AnalysisView;
import org.entropyworkbench.ui.analysis.AnalysisViewModel;
import org.entropyworkbench.ui.calibration.CalibrationView;
import org.entropyworkbench.ui.calibration.CalibrationViewModel;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.common.FxDialogService;
import org.entropyworkbench.ui.compare.CompareView;
import org.entropyworkbench.ui.compare.CompareViewModel;
import org.entropyworkbench.ui.signals.SignalsView;
import org.entropyworkbench.ui.signals.SignalsViewModel;
import org.entropyworkbench.ui.datasets.DatasetsView;
import org.entropyworkbench.ui.datasets.DatasetsViewModel;
import org.entropyworkbench.ui.follow.FollowView;
import org.entropyworkbench.ui.follow.FollowViewModel;
import org.entropyworkbench.ui.common.HelpRequest;
import org.entropyworkbench.ui.common.ScreenScroll;
import org.entropyworkbench.ui.help.HelpWindow;
import org.entropyworkbench.ui.run.RunView;
import org.entropyworkbench.ui.run.RunViewModel;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * The workbench window's content: menu bar, runs list, the five screens in tabs, a status bar
 * showing background work, and drag-and-drop of any supported file. Built in code; FX thread
 * only. Separate from {@link WorkbenchApp} so tests and the screenshot tour can build it.
 */
public final class WorkbenchWindow extends BorderPane {

    /** The tabs, in order. */
    public enum Screen { DATASETS, RUN, ANALYSIS, CALIBRATION, COMPARE, SIGNALS, FOLLOW }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final RecentFiles recentFiles;
    private final FileOpener opener;
    private final TabPane tabs = new TabPane();
    private final StatusBar statusBar = new StatusBar();
    private final Menu recentMenu = new Menu("Open recent");
    private final AnalysisViewModel analysisModel;
    private AnalysisView analysisView;
    private final CalibrationViewModel calibrationModel;
    private final CompareViewModel compareModel;
    private final SignalsViewModel signalsModel;
    private final RunViewModel runModel;
    private final FollowViewModel followModel;
    private FollowView followView;
    private final RunsListPane runsPane;
    private boolean showProblemDialogs = true;
    /** Runs a restored workspace could not reopen; kept in the status bar's open messages. */
    private String restoreNote;
    private boolean runsListWanted = true;
    private final StatusLine statusLine = new StatusLine();
    private final HelpWindow help = new HelpWindow();
    /** Sample runs opened at start; they do not crowd the recent-files list. */
    private final Set<Path> sampleFiles = new HashSet<>();

    public WorkbenchWindow(Workspace workspace, TaskExecutor executor, RecentFiles recentFiles) {
        this(workspace, executor, recentFiles, false);
    }

    /**
     * @param firstFrameFirst true to build even the Analysis screen only after the window's first frame
     *                        (the app's start, issue 12: the window appears with its menus, tabs and
     *                        status bar, the screen follows); false to build it now (tests, screenshots)
     */
    public WorkbenchWindow(Workspace workspace, TaskExecutor executor, RecentFiles recentFiles, boolean firstFrameFirst) {
        this.workspace = workspace;
        this.executor = executor;
        this.recentFiles = recentFiles;
        this.opener = new FileOpener(workspace, executor, this::report);
        opener.setOnOpened(p -> {
            if (!sampleFiles.contains(p)) {
                recentFiles.add(p);
                rebuildRecentMenu();
            }
        });
        getStyleClass().add("workbench-window");
        DialogService.register(this, new FxDialogService(() -> getScene() == null ? null : getScene().getWindow()));

        analysisModel = new AnalysisViewModel(workspace, executor);
        calibrationModel = new CalibrationViewModel(workspace, executor);
        compareModel = new CompareViewModel(workspace, executor);
        signalsModel = new SignalsViewModel(workspace, executor);
        runModel = new RunViewModel(workspace, executor);
        followModel = new FollowViewModel(workspace, executor);
        DatasetsViewModel datasetsModel = new DatasetsViewModel(workspace, executor);
        Tab datasets = emptyTab("Datasets");
        Tab run = emptyTab("Run");
        Tab calibration = emptyTab("Calibration");
        Tab compare = emptyTab("Compare");
        Tab signals = emptyTab("Signals");
        Tab analysis = emptyTab("Analysis");
        Tab follow = emptyTab("Follow");
        tabs.getTabs().addAll(datasets, run, analysis, calibration, compare, signals, follow);
        // the window opens on Analysis; the other screens are built when first shown (issue 12: start time)
        tabs.getSelectionModel().select(Screen.ANALYSIS.ordinal());
        if (firstFrameFirst) {
            afterFirstFrame(() -> buildWhenShown(analysis, this::analysisView));
        } else {
            buildWhenShown(analysis, this::analysisView);
        }
        buildWhenShown(datasets, () -> new DatasetsView(datasetsModel));
        buildWhenShown(run, () -> new RunView(runModel));
        buildWhenShown(calibration, () -> new CalibrationView(calibrationModel));
        buildWhenShown(compare, () -> new CompareView(compareModel));
        buildWhenShown(signals, () -> new SignalsView(signalsModel));
        buildWhenShown(follow, this::followView);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("screens");

        setTop(menuBar());
        runsPane = new RunsListPane(workspace, this::chooseAndOpen);
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            updateRunsListVisibility();
            signalsModel.setActive(now.intValue() == Screen.SIGNALS.ordinal());
        });
        updateRunsListVisibility();
        setCenter(tabs);
        setBottom(statusBar);
        statusBar.textProperty().bind(statusLine.text());
        statusBar.progressProperty().bind(statusLine.progress());
        executor.addProgressListener(statusLine::tasks);
        followRun();
        installDragAndDrop();
        addEventHandler(HelpRequest.OPEN, e -> showHelp(e.entryId()));
        addEventHandler(org.entropyworkbench.ui.common.FollowRequest.CHOOSE, e -> {
            show(Screen.FOLLOW);
            followView().chooseRecord();
        });
    }

    public FileOpener opener() { return opener; }

    public Workspace workspace() { return workspace; }

    public AnalysisViewModel analysisModel() { return analysisModel; }

    /** The Follow screen, built on first use (its tab or a follow request, whichever comes first). FX thread. */
    private FollowView followView() {
        if (followView == null) {
            followView = new FollowView(followModel);
        }
        return followView;
    }

    public AnalysisView analysisView() {
        if (analysisView == null) {
            analysisView = new AnalysisView(analysisModel);
        }
        return analysisView;
    }

    public CalibrationViewModel calibrationModel() { return calibrationModel; }

    public CompareViewModel compareModel() { return compareModel; }

    public SignalsViewModel signalsModel() { return signalsModel; }

    public RunViewModel runModel() { return runModel; }

    /** The Follow screen's model (a growing serve record). */
    public FollowViewModel followModel() { return followModel; }

    public StatusBar statusBar() { return statusBar; }

    /** The guide and glossary window (created on first use). */
    public HelpWindow help() { return help; }

    /** Opens the guide at glossary entry {@code entryId} (null: the guide's start). */
    public void showHelp(String entryId) {
        help.show(getScene() == null ? null : getScene().getWindow(), entryId);
    }
    /** The dialog service of this window (tests replace it with {@link DialogService#register}). */
    public DialogService dialogs() { return DialogService.of(this); }

    /** True once {@code screen} has been built (screens are built when first shown). */
    public boolean screenBuilt(Screen screen) {
        return tabs.getTabs().get(screen.ordinal()).getContent() != null;
    }

    /** Shows a screen. */
    public void show(Screen screen) {
        tabs.getSelectionModel().select(screen.ordinal());
    }

    /** Tests and the screenshot tour turn the modal problem dialogs off (problems go to the status bar). */
    public void setShowProblemDialogs(boolean show) {
        this.showProblemDialogs = show;
    }

    /**
     * Reopens a remembered workspace: its runs that still exist (the selected one selected, each with
     * its session settings) and, for a file that is gone, a note in the status bar rather than an
     * error dialog. Returns false when nothing was remembered, so the caller can open the samples.
     */
    public boolean restore(WorkspaceState state) {
        List<String> notes = state.missingRunNotes();
        List<WorkspaceState.RunEntry> existing = state.existingRuns();
        restoreNote = notes.isEmpty() ? null : String.join(" · ", notes);
        if (restoreNote != null) {
            statusLine.message(restoreNote);
        }
        if (existing.isEmpty()) {
            return !state.runs().isEmpty();
        }
        for (WorkspaceState.RunEntry r : existing) {
            workspace.rememberSettings(r.path(), r.settings());
        }
        Path selected = state.selectedRun();
        for (WorkspaceState.RunEntry r : existing) {
            opener.open(r.path(), selected != null && r.path().toAbsolutePath().normalize()
                    .equals(selected.toAbsolutePath().normalize()));
        }
        return true;
    }

    /** Opens the sample runs in the background; the first becomes the selected run. */
    public void openSampleRuns(Path folder) {
        List<Path> files = SampleRuns.list(folder);
        if (files.isEmpty()) {
            statusLine.message("No sample runs in " + folder.toAbsolutePath() + " (set -Dewb.sampleRuns=FOLDER)");
            return;
        }
        sampleFiles.addAll(files);
        opener.openAll(files);
    }

    /** The runs list is shown next to the screens that show one run (Analysis, Calibration, Signals). */
    private void updateRunsListVisibility() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        boolean perRun = i == Screen.ANALYSIS.ordinal() || i == Screen.CALIBRATION.ordinal()
                || i == Screen.SIGNALS.ordinal();
        setLeft(perRun && runsListWanted ? runsPane : null);
    }

    /** A tab holding a screen; the screen scrolls when the window is smaller than it can shrink to. */
    private static Tab tab(String title, Region content) {
        Tab t = new Tab(title, ScreenScroll.wrap(content));
        t.setId("tab-" + title.toLowerCase());
        return t;
    }

    /**
     * Runs {@code action} once the window has been laid out for its first frame (in the event queue
     * after that pulse), so what it builds does not delay the window's appearance. FX thread.
     */
    private void afterFirstFrame(Runnable action) {
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs,
                                javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene == null) {
                    return;
                }
                sceneProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    javafx.application.Platform.runLater(action);
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    /** A tab whose screen comes later ({@link #buildWhenShown}). */
    private static Tab emptyTab(String title) {
        Tab t = new Tab(title);
        t.setId("tab-" + title.toLowerCase());
        return t;
    }

    /**
     * Builds the tab's screen the first time the tab is selected (at once when it is): the window's
     * start builds, styles and lays out only the screen it opens on. The view-models exist from the
     * start, so a screen shows the workspace's current state when it is built.
     */
    private static void buildWhenShown(Tab t, Supplier<Region> screen) {
        Runnable build = () -> {
            if (t.getContent() == null) {
                t.setContent(ScreenScroll.wrap(screen.get()));
            }
        };
        t.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                build.run();
            }
        });
        if (t.isSelected()) {
            build.run();
        }
    }

    // ---- menus ----------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open run, dataset or calibration…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem follow = new MenuItem("Follow a serve record…");
        follow.setOnAction(e -> fireEvent(new org.entropyworkbench.ui.common.FollowRequest()));
        MenuItem samples = new MenuItem("Open sample runs");
        samples.setOnAction(e -> openSampleRuns(SampleRuns.folder()));
        rebuildRecentMenu();
        MenuItem export = new MenuItem("Export analysis (charts PNG/SVG, tables CSV)…");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> exportAnalysis());
        MenuItem exportCalibration = new MenuItem("Export calibration JSON…");
        exportCalibration.setOnAction(e -> show(Screen.CALIBRATION));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            Window w = getScene() == null ? null : getScene().getWindow();
            if (w != null) {
                w.hide();
            }
        });
        Menu file = new Menu("File", null, open, follow, samples, recentMenu, new SeparatorMenuItem(), export,
                exportCalibration, new SeparatorMenuItem(), quit);

        Menu view = new Menu("View");
        int i = 1;
        for (Screen s : Screen.values()) {
            MenuItem item = new MenuItem(tabs.getTabs().get(s.ordinal()).getText());
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + i++));
            item.setOnAction(e -> show(s));
            view.getItems().add(item);
        }
        MenuItem toggleRuns = new MenuItem("Show/hide runs list");
        toggleRuns.setOnAction(e -> {
            runsListWanted = !runsListWanted;
            updateRunsListVisibility();
        });
        view.getItems().addAll(new SeparatorMenuItem(), toggleRuns);

        MenuItem about = new MenuItem("About Entropy Workbench");
        about.setOnAction(e -> {
            dialogs().showInformation("Entropy Workbench", "Entropy Workbench " + WorkbenchVersion.current()
                    + "\n\nMean per-token Shannon entropy of a reasoning model's first step as a confidence"
                    + " signal: stop after step 1 when H ≤ τ, otherwise refine (\"Think Just Enough\","
                    + " arXiv 2510.08146).\n\nSample runs are simulated.");
        });
        MenuItem guide = new MenuItem("Guide and glossary");
        guide.setAccelerator(KeyCombination.keyCombination("F1"));
        guide.setOnAction(e -> showHelp(null));
        Menu help = new Menu("Help", null, guide, new SeparatorMenuItem(), about);
        return new MenuBar(file, view, help);
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : recentFiles.entries()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> opener.open(p));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setOnAction(e -> {
                recentFiles.clear();
                rebuildRecentMenu();
            });
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void exportAnalysis() {
        if (analysisModel.analysis() == null) {
            statusLine.message("Nothing to export: no analysed run");
            return;
        }
        Path folder = dialogs().chooseDirectory("Export the analysis into a folder").orElse(null);
        if (folder == null) {
            return;
        }
        try {
            List<Path> written = analysisView().exportAll(folder);
            statusLine.message("Exported " + written.size() + " files to " + folder);
        } catch (IOException | RuntimeException ex) {
            dialogs().showError("Export failed", "Could not export to " + folder + ": " + ex.getMessage());
        }
    }

    private void chooseAndOpen() {
        dialogs().chooseFilesToOpen("Open run, dataset or calibration", List.of(
                DialogService.FileFilter.of("Workbench files", "*.jsonl", "*.jsonl.gz", "*.gz", "*.json", "*.csv", "*.tsv"),
                DialogService.FileFilter.of("All files", "*.*"))).forEach(opener::open);
    }

    // ---- runs list ------------------------------------------------------------------------

    // ---- status, problems, drag and drop ----------------------------------------------------

    /** The status bar shows a run or replay while it streams, and how it ended afterwards. */
    private void followRun() {
        Runnable update = () -> statusLine.run(runModel.running().get() && !runModel.activity().get().isEmpty()
                ? new StatusLine.RunState(runModel.activity().get(), runModel.progressText().get(),
                        runModel.progress().get(), runModel.paused().get())
                : null);
        runModel.running().addListener((obs, was, now) -> update.run());
        runModel.activity().addListener((obs, was, now) -> update.run());
        runModel.progressText().addListener((obs, was, now) -> update.run());
        runModel.progress().addListener((obs, was, now) -> update.run());
        runModel.paused().addListener((obs, was, now) -> update.run());
        runModel.status().addListener((obs, was, now) -> {
            if (!runModel.running().get()) {
                statusLine.message(now);
            }
        });
    }

    private void report(FileOpener.Outcome outcome) {
        if (outcome.error() == null && outcome.problems().isEmpty()) {
            statusLine.message("Opened " + outcome.file().getFileName() + (restoreNote == null ? "" : " · " + restoreNote));
            return;
        }
        String header;
        if (outcome.error() != null) {
            header = "Could not open " + outcome.file().getFileName();
        } else {
            header = "Opened " + outcome.file().getFileName() + " with " + outcome.problems().size()
                    + " problem(s); every good line was loaded";
        }
        statusLine.message(header);
        if (!showProblemDialogs) {
            return;
        }
        String details = String.join("\n", FileOpener.allProblems(List.of(outcome)));
        if (outcome.error() != null) {
            dialogs().showError(header, details);
        } else {
            dialogs().showWarning(header, details);
        }
    }

    private void installDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    opener.open(f.toPath());
                }
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
