package org.entropyworkbench.ui.screenshots;

import static org.entropyworkbench.ui.screenshots.FxSteps.fx;
import static org.entropyworkbench.ui.screenshots.FxSteps.waitFor;

import org.entropyworkbench.ui.app.RecentFiles;
import org.entropyworkbench.ui.app.SampleRuns;
import org.entropyworkbench.ui.app.WorkbenchApp;
import org.entropyworkbench.ui.app.WorkbenchWindow;

import org.entropyworkbench.ui.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.MethodOption;
import org.entropyworkbench.ui.workspace.SampleMode;
import org.entropyworkbench.ui.calibration.CalibrationViewModel;
import org.entropyworkbench.ui.task.FxTaskExecutor;

/**
 * The tour behind {@code ew screenshots} (and the README images): opens the workbench on the sample
 * runs, visits every screen and writes one PNG per screen:
 * {@code java ... ScreenshotTour OUTDIR} (run under xvfb-run on a
 * headless machine). The Run screen is captured while a sample run is being replayed, the Follow screen
 * while it follows a sample run replayed as a growing serve record ({@link FollowScreenshots}). The tour
 * thread drives the UI with {@link Platform#runLater} and waits for each step; the window uses a
 * temporary recent-files store so the user's list is untouched. By default every screen is captured
 * at 1024x700 and 1920x1080 (NAME-WxH.png); {@code -Dewb.screenshots.size=WxH} captures one size only.
 */
public final class ScreenshotTour {

    /** Size budget of one screenshot in the repository. */
    private static final long MAX_PNG_BYTES = 290_000;
    /** Replay speed of the Run screenshot, tokens per second per stream (set in the form, as a user would). */
    private static final double REPLAY_SPEED = 250;
    /** The window sizes the README shows: a small laptop screen and a full-HD one. */
    static final List<int[]> SIZES = List.of(new int[] {1024, 700}, new int[] {1920, 1080});

    /** The sizes to capture: the one {@code -Dewb.screenshots.size=WxH} names, else {@link #SIZES}. */
    static List<int[]> sizes() {
        String size = System.getProperty("ewb.screenshots.size");
        if (size != null && size.matches("\\d+x\\d+")) {
            int x = size.indexOf('x');
            return List.of(new int[] {Integer.parseInt(size.substring(0, x)), Integer.parseInt(size.substring(x + 1))});
        }
        return SIZES;
    }

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        try {
            new Tour(out).run();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static final class Tour {
        private final Path out;
        private Stage stage;
        private WorkbenchWindow window;
        private FxTaskExecutor executor;

        Tour(Path out) {
            this.out = out;
        }

        void run() throws Exception {
            Path recent = Files.createTempFile("ewb-tour-recent", ".json");
            Files.deleteIfExists(recent);
            fx(() -> {
                executor = new FxTaskExecutor();
                window = new WorkbenchWindow(new Workspace(executor), executor, new RecentFiles(recent));
                window.setShowProblemDialogs(false);
                stage = new Stage();
                stage.setTitle("Entropy Workbench");
                stage.setScene(WorkbenchApp.createScene(window));
                String size = System.getProperty("ewb.screenshots.size");
                if (size != null && size.matches("\\d+x\\d+")) {
                    stage.setWidth(Double.parseDouble(size.substring(0, size.indexOf('x'))));
                    stage.setHeight(Double.parseDouble(size.substring(size.indexOf('x') + 1)));
                }
                WorkbenchApp.addIcons(stage);
                stage.show();
                window.show(WorkbenchWindow.Screen.ANALYSIS);
                window.openSampleRuns(SampleRuns.folder());
                return null;
            });
            List<Path> samples = SampleRuns.list(SampleRuns.folder());
            if (samples.isEmpty()) {
                throw new IllegalStateException("no sample runs in " + SampleRuns.folder().toAbsolutePath());
            }
            waitFor("sample runs loaded", () -> fx(() -> window.workspace().runs().size()) == samples.size());
            Path reasoning = samples.stream().filter(p -> p.getFileName().toString().contains("reasoning-gpqa"))
                    .findFirst().orElse(samples.get(0));
            fx(() -> {
                window.workspace().runs().stream().filter(r -> reasoning.equals(r.path())).findFirst()
                        .ifPresent(r -> window.workspace().selectedRun().set(r));
                return null;
            });
            waitFor("analysis ready", () -> fx(() -> window.analysisModel().analysis() != null
                    && window.analysisModel().analysis().summary().path().equals(reasoning)));
            pause(800);

            for (int[] size : sizes()) {
                fx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    return null;
                });
                visitScreens(size[0] + "x" + size[1], reasoning, samples);
            }
            visitFollow();
            fx(() -> {
                stage.hide();
                executor.shutdown();
                return null;
            });
        }

        /**
         * The Follow screen at every size, following the reasoning GPQA sample replayed as a growing serve record
         * (as {@link FollowScreenshots} makes it). Last, because it sets the workspace's calibration.
         */
        private void visitFollow() throws Exception {
            Path work = Files.createTempDirectory("ewb-tour-follow");
            FollowScreenshots.followSampleRecord(window, work);
            for (int[] size : sizes()) {
                fx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window.show(WorkbenchWindow.Screen.FOLLOW);
                    return null;
                });
                settle();
                snap("follow-" + size[0] + "x" + size[1] + ".png");
            }
            fx(() -> {
                window.followModel().stop();
                return null;
            });
        }

        /** Visits every screen at the stage's current size and writes NAME-SUFFIX.png for each. */
        private void visitScreens(String suffix, Path reasoning, List<Path> samples) throws Exception {
            fx(() -> {
                window.show(WorkbenchWindow.Screen.ANALYSIS);
                window.analysisModel().selectMethod(new MethodOption(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL));
                window.analysisView().questionTable().getSelectionModel().select(0);
                return null;
            });
            waitFor("bootstrap intervals", () -> fx(() -> window.analysisModel().intervals().report() != null));
            settle();
            snap("analysis-" + suffix + ".png");

            fx(() -> {
                window.calibrationModel().modeProperty().set(SampleMode.FEW_SHOT);
                window.show(WorkbenchWindow.Screen.CALIBRATION);
                return null;
            });
            waitFor("few-shot draws", () -> fx(() -> window.calibrationModel().fewShotProperty().get() != null));
            settle();
            snap("calibration-" + suffix + ".png");

            fx(() -> {
                window.show(WorkbenchWindow.Screen.COMPARE);
                return null;
            });
            settle();
            snap("compare-" + suffix + ".png");

            fx(() -> {
                window.show(WorkbenchWindow.Screen.SIGNALS);
                return null;
            });
            waitFor("signals ranked", () -> fx(() -> !window.signalsModel().rows().isEmpty()
                    && !window.signalsModel().busyProperty().get()));
            settle();
            snap("signals-" + suffix + ".png");

            Path otherModel = samples.stream().filter(p -> p.getFileName().toString().contains("instruction-gpqa"))
                    .findFirst().orElse(samples.get(samples.size() - 1));
            fx(() -> {
                var transfer = window.signalsModel().transfer();
                transfer.calibrationRunProperty().set(runAt(reasoning));
                transfer.evaluationRunProperty().set(runAt(otherModel));
                ((TabPane) stage.getScene().lookup("#signals-tabs")).getSelectionModel().select(1);
                return null;
            });
            waitFor("transfer computed", () -> fx(() -> !window.signalsModel().transfer().rows().isEmpty()
                    && !window.signalsModel().transfer().busyProperty().get()));
            settle();
            snap("signals-transfer-" + suffix + ".png");
            fx(() -> {
                ((TabPane) stage.getScene().lookup("#signals-tabs")).getSelectionModel().select(0);
                return null;
            });

            fx(() -> {
                window.workspace().session().signalProperty().set(Signal.DEEPCONF_MEAN);
                window.show(WorkbenchWindow.Screen.ANALYSIS);
                return null;
            });
            waitFor("analysis on DeepConf confidence", () -> fx(() -> window.analysisModel().analysis() != null
                    && window.analysisModel().analysis().signal() == Signal.DEEPCONF_MEAN
                    && !window.analysisModel().busyProperty().get()
                    && window.analysisModel().intervals().report() != null));
            settle();
            snap("analysis-deepconf-" + suffix + ".png");
            fx(() -> {
                window.workspace().session().signalProperty().set(Signal.DEFAULT);
                return null;
            });
            waitFor("analysis back on mean entropy", () -> fx(() -> window.analysisModel().analysis() != null
                    && window.analysisModel().analysis().signal() == Signal.DEFAULT));

            List<Dataset> builtIns = new ArrayList<>();
            for (String name : BuiltInDatasets.list()) {
                builtIns.add(BuiltInDatasets.load(name));
            }
            fx(() -> {
                builtIns.forEach(window.workspace()::addDataset);
                if (!builtIns.isEmpty()) {
                    window.workspace().selectedDataset().set(builtIns.get(0));
                }
                window.show(WorkbenchWindow.Screen.DATASETS);
                return null;
            });
            settle();
            snap("datasets-" + suffix + ".png");

            Path replay = samples.stream().filter(p -> p.getFileName().toString().contains("reasoning-aime"))
                    .findFirst().orElse(samples.get(0));
            fx(() -> {
                window.show(WorkbenchWindow.Screen.RUN);
                window.runModel().replaySpeed().set(REPLAY_SPEED);
                window.runModel().startReplay(replay, window.runModel().replaySpeed().get());
                return null;
            });
            waitFor("replay streaming", () -> fx(() -> window.runModel().running().get()));
            pause(4000);
            snap("run-" + suffix + ".png");
            fx(() -> {
                window.runModel().cancel();
                return null;
            });
            waitFor("replay stopped", () -> fx(() -> !window.runModel().running().get()));
            // the cancelled replay's run (no question finished) would otherwise stand in the next size's runs list
            fx(() -> {
                List<LoadedRun> extra = window.workspace().runs().stream().filter(r -> !samples.contains(r.path())).toList();
                extra.forEach(window.workspace()::removeRun);
                return null;
            });
            pause(500);
        }

        /** The loaded run read from {@code path} (FX thread). */
        private LoadedRun runAt(Path path) {
            return window.workspace().runs().stream().filter(r -> path.equals(r.path())).findFirst().orElse(null);
        }

        private void snap(String name) throws Exception {
            BufferedImage opaque = FxSteps.opaqueSnapshot(stage);
            Path file = out.resolve(name);
            ImageIO.write(opaque, "png", file.toFile());
            for (int bits = 6; Files.size(file) > MAX_PNG_BYTES && bits >= 4; bits--) {
                ImageIO.write(posterize(opaque, bits), "png", file.toFile());
            }
            System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
        }

        /**
         * Keeps only the top {@code bits} of each colour channel: busy plots compress much better
         * and text stays legible, so a screenshot stays under the size budget.
         */
        private static BufferedImage posterize(BufferedImage in, int bits) {
            BufferedImage outImage = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
            int mask = (0xFF << (8 - bits)) & 0xFF;
            int rgbMask = (mask << 16) | (mask << 8) | mask;
            for (int y = 0; y < in.getHeight(); y++) {
                for (int x = 0; x < in.getWidth(); x++) {
                    outImage.setRGB(x, y, in.getRGB(x, y) & rgbMask);
                }
            }
            return outImage;
        }

        private static void settle() throws Exception {
            pause(700);
            fx(() -> null);
        }

        private static void pause(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }

}
