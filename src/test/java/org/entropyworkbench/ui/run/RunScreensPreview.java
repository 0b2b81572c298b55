package org.entropyworkbench.ui.run;

import org.entropyworkbench.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.datasets.DatasetsView;
import org.entropyworkbench.ui.datasets.DatasetsViewModel;
import org.entropyworkbench.ui.task.FxTaskExecutor;

/**
 * Test-only window showing the Datasets and Run screens at 1400x900: loads the built-in dataset,
 * replays a small simulated run and writes a PNG of each screen while the replay streams.
 * Usage (under xvfb-run): {@code java ... RunScreensPreview OUTDIR [seconds-before-snapshot]}.
 */
public final class RunScreensPreview {

    private static Path outDir;
    private static double delaySeconds = 4;

    public static void main(String[] args) {
        outDir = Path.of(args.length > 0 ? args[0] : "target/preview");
        if (args.length > 1) {
            delaySeconds = Double.parseDouble(args[1]);
        }
        Application.launch(Window.class, args);
    }

    /** The preview window; a nested class so the launcher's main class does not extend Application. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            show(stage);
        }
    }

    private static void show(Stage stage) throws Exception {
        Files.createDirectories(outDir);
        Workspace workspace = new Workspace(new CurrentThreadTaskExecutor());
        FxTaskExecutor executor = new FxTaskExecutor();
        DatasetsViewModel datasetsVm = new DatasetsViewModel(workspace, executor);
        RunViewModel runVm = new RunViewModel(workspace, executor);
        TabPane tabs = new TabPane(new Tab("Datasets", new DatasetsView(datasetsVm)), new Tab("Run", new RunView(runVm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1400, 900);
        Path css = Path.of("assets/css/workbench.css");
        if (Files.exists(css)) {
            scene.getStylesheets().add(css.toUri().toString());
        }
        stage.setScene(scene);
        stage.setTitle("Entropy Workbench (preview)");
        stage.show();

        datasetsVm.loadBuiltIn(BuiltInDatasets.MINI);
        Path recorded = SimulatedRuns.write(Files.createTempDirectory("ewb-preview"), 12);
        runVm.form().concurrency().set(3);
        runVm.form().model().set("openai/gpt-oss-20b");
        runVm.startReplay(recorded, 250);
        tabs.getSelectionModel().select(1);

        PauseTransition wait = new PauseTransition(Duration.seconds(delaySeconds));
        wait.setOnFinished(e -> {
            snapshot(scene, "run.png");
            tabs.getSelectionModel().select(0);
            Platform.runLater(() -> Platform.runLater(() -> {
                snapshot(scene, "datasets.png");
                runVm.cancel();
                Platform.exit();
            }));
        });
        wait.play();
    }

    private static void snapshot(Scene scene, String name) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", outDir.resolve(name).toFile());
        } catch (Exception ex) {
            throw new IllegalStateException("cannot write " + name, ex);
        }
    }
}
