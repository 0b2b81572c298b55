package org.entropyworkbench.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import org.entropyworkbench.logging.LogSetup;
import org.entropyworkbench.ui.workspace.WorkspaceState;
import org.entropyworkbench.ui.workspace.WorkspaceStateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.entropyworkbench.ui.workspace.Workspace;
import java.io.InputStream;
import java.net.URL;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * The JavaFX application: one window of about 1400 x 900 with the workbench, the sample runs
 * opened in the background at start, and the first run's Analysis screen shown.
 */
public final class WorkbenchApp extends Application {

    /** Window size at start. */
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private TaskExecutor executor;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx-start");
        executor = new FxTaskExecutor();
        Workspace workspace = new Workspace(executor);
        WorkbenchWindow window = new WorkbenchWindow(workspace, executor, WorkbenchLauncher.recentFiles(), true);
        StartupTrace.mark("window-built");
        WorkspaceStateFile remembered = new WorkspaceStateFile(LogSetup.stateDirectory().resolve("workspace.json"));
        WorkspaceState state = remembered.read();
        stage.setTitle("Entropy Workbench");
        stage.setScene(createScene(window));
        if (Double.isFinite(state.width()) && Double.isFinite(state.height()) && state.width() >= 640 && state.height() >= 480) {
            stage.setWidth(state.width());
            stage.setHeight(state.height());
        }
        fitToScreen(stage);
        addIcons(stage);
        stage.setOnHiding(e -> remember(remembered, workspace, stage));
        stage.show();
        StartupTrace.mark("stage-shown");
        window.show(WorkbenchWindow.Screen.ANALYSIS);
        if (window.restore(state)) {
            StartupTrace.watch(workspace, () -> window.screenBuilt(WorkbenchWindow.Screen.ANALYSIS), (int) state.runs().stream().filter(r -> Files.isRegularFile(r.path())).count());
        } else {
            StartupTrace.watch(workspace, () -> window.screenBuilt(WorkbenchWindow.Screen.ANALYSIS), SampleRuns.list(SampleRuns.folder()).size());
            window.openSampleRuns(SampleRuns.folder());
        }
    }

    /**
     * Keeps the window inside the screen's usable area: the standard 1400x900 (or a size remembered on
     * a bigger monitor) would reach past a 1024x700 laptop screen, where the screens scroll instead.
     * FX thread, before the stage is shown.
     */
    private static void fitToScreen(Stage stage) {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        double width = Double.isNaN(stage.getWidth()) ? WIDTH : stage.getWidth();
        double height = Double.isNaN(stage.getHeight()) ? HEIGHT : stage.getHeight();
        if (width > usable.getWidth() || height > usable.getHeight()) {
            stage.setWidth(Math.min(width, usable.getWidth()));
            stage.setHeight(Math.min(height, usable.getHeight()));
            stage.setX(usable.getMinX());
            stage.setY(usable.getMinY());
        }
    }

    /** Writes what to restore next time; a failure is logged, the window still closes. */
    private static void remember(WorkspaceStateFile file, Workspace workspace, Stage stage) {
        try {
            file.write(workspace.snapshot(stage.getWidth(), stage.getHeight()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remember the workspace in {}: {}", file.file(), e.toString());
        }
    }

    /** A scene of the standard size with the workbench stylesheet. */
    public static Scene createScene(WorkbenchWindow window) {
        Scene scene = new Scene(window, WIDTH, HEIGHT);
        URL css = WorkbenchApp.class.getResource("/assets/css/workbench.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        return scene;
    }

    /** Puts the app icon on a stage (silently skipped when the icon is not on the classpath). */
    public static void addIcons(Stage stage) {
        for (String size : new String[] {"32", "128"}) {
            InputStream in = WorkbenchApp.class.getResourceAsStream("/assets/icons/workbench-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
