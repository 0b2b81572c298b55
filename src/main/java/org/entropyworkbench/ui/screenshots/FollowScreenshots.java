package org.entropyworkbench.ui.screenshots;

import static org.entropyworkbench.ui.screenshots.FxSteps.fx;
import static org.entropyworkbench.ui.screenshots.FxSteps.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.ui.app.RecentFiles;
import org.entropyworkbench.ui.app.SampleRuns;
import org.entropyworkbench.ui.app.WorkbenchApp;
import org.entropyworkbench.ui.app.WorkbenchWindow;
import org.entropyworkbench.ui.task.FxTaskExecutor;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * Screenshots of the Follow screen on a growing serve record and of the Analysis screen on that record
 * (a run without gold answers), at 1024x700 and 1920x1080: {@code java ... FollowScreenshots OUTDIR} under
 * xvfb-run. The "traffic" is the reasoning GPQA sample run replayed as an {@code ew serve --record} file
 * would hold it (answers and verdicts dropped; a request at or below the calibration's τ keeps only step 1),
 * appended by a writer thread while the screen follows it; the calibration is made from the same sample.
 */
public final class FollowScreenshots {


    private FollowScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("ewb-follow-shots");

        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        try {
            FxTaskExecutor executor = new FxTaskExecutor();
            Stage stage = fx(() -> {
                WorkbenchWindow window = new WorkbenchWindow(new Workspace(executor), executor,
                        new RecentFiles(work.resolve("recent.json")));
                window.setShowProblemDialogs(false);
                Stage s = new Stage();
                s.setScene(WorkbenchApp.createScene(window));
                s.setTitle("Entropy Workbench");
                s.show();
                return s;
            });
            WorkbenchWindow window = (WorkbenchWindow) stage.getScene().getRoot();
            Path record = followSampleRecord(window, work);
            for (int[] size : ScreenshotTour.SIZES) {
                String suffix = size[0] + "x" + size[1];
                fx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window.show(WorkbenchWindow.Screen.FOLLOW);
                    return null;
                });
                settle();
                snap(stage, out.resolve("follow-" + suffix + ".png"));
            }
            fx(() -> {
                window.followModel().stop();
                window.opener().open(record);
                window.show(WorkbenchWindow.Screen.ANALYSIS);
                return null;
            });
            waitFor("analysis of the record", () -> fx(() -> window.analysisModel().analysis() != null
                    && window.analysisModel().analysis().header().runId().equals("serve-screenshots")));
            for (int[] size : ScreenshotTour.SIZES) {
                String suffix = size[0] + "x" + size[1];
                fx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window.show(WorkbenchWindow.Screen.ANALYSIS);
                    return null;
                });
                settle();
                snap(stage, out.resolve("analysis-ungraded-" + suffix + ".png"));
                fx(() -> {
                    window.show(WorkbenchWindow.Screen.CALIBRATION);
                    return null;
                });
                settle();
                snap(stage, work.resolve("calibration-ungraded-" + suffix + ".png"));
                fx(() -> {
                    window.show(WorkbenchWindow.Screen.RUN);
                    return null;
                });
                settle();
                snap(stage, work.resolve("run-" + suffix + ".png"));
            }
            System.out.println("calibration and run screenshots (not for the docs) in " + work);
            fx(() -> {
                stage.hide();
                executor.shutdown();
                return null;
            });
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /**
     * Writes the reasoning GPQA sample as a growing serve record into {@code work} while {@code window}'s
     * Follow screen follows it (40 requests first, then the rest), and returns the record once the screen has
     * every request. The window's workspace gets the calibration made from the same sample. Caller thread, not
     * the FX thread; used by {@link #main} and by the {@code ew screenshots} tour ({@link ScreenshotTour}).
     */
    static Path followSampleRecord(WorkbenchWindow window, Path work) throws Exception {
        Path sample = SampleRuns.list(SampleRuns.folder()).stream()
                .filter(p -> p.getFileName().toString().contains("reasoning-gpqa")).findFirst().orElseThrow();
        RunFile run = RunFileReader.read(sample, RunFileReader.Detail.SUMMARY);
        RunAnalysis analysis = RunAnalysis.of(run, AnalysisOptions.defaults());
        CalibrationFile cal = CalibrationFile.from(analysis, ThresholdMethod.values()[2], "screenshots", Instant.now());
        Path calFile = work.resolve("cal.json");
        CalibrationFileWriter.write(calFile, cal);
        Path record = work.resolve("serve.jsonl");
        List<List<StepRecord>> requests = requests(run, cal.chosenTau());
        fx(() -> {
            window.workspace().calibration().set(cal);
            window.show(WorkbenchWindow.Screen.FOLLOW);
            return null;
        });
        try (RunFileWriter w = RunFileWriter.create(record, header(run.header(), cal, calFile))) {
            append(w, requests.subList(0, 40));
            fx(() -> {
                window.followModel().follow(record);
                return null;
            });
            waitFor("the first 40 requests followed", () -> fx(() -> window.followModel().traffic().get().requests()) == 40);
            append(w, requests.subList(40, requests.size()));
        }
        waitFor("every request followed", () -> fx(() -> window.followModel().traffic().get().requests()) == requests.size());
        return record;
    }

    /** The sample's questions as served requests: no answers, no verdicts; stopped ones keep step 1 only. */
    private static List<List<StepRecord>> requests(RunFile run, double tau) {
        Map<String, List<StepRecord>> byId = new LinkedHashMap<>();
        for (StepRecord s : run.steps()) {
            byId.computeIfAbsent(s.questionId(), id -> new ArrayList<>()).add(s);
        }
        List<List<StepRecord>> out = new ArrayList<>();
        int i = 0;
        for (List<StepRecord> steps : byId.values()) {
            steps.sort((a, b) -> Integer.compare(a.step(), b.step()));
            String id = String.format("chatcmpl-%04d", i++);
            boolean stop = org.entropyworkbench.core.run.StepSummary.of(steps.get(0)).meanAll(20) <= tau;
            List<StepRecord> request = new ArrayList<>();
            for (StepRecord s : stop ? steps.subList(0, 1) : steps) {
                request.add(new StepRecord(id, s.step(), s.promptHash(), s.model(), s.server(), s.temperature(),
                        s.maxTokens(), s.topK(), null, null, null, null, null, s.promptTokens(), s.completionTokens(),
                        s.finishReason(), null, s.channels(), s.entropyByK(), null, null, s.flags(), s.startedAt(),
                        s.durationMillis()));
            }
            out.add(request);
        }
        return out;
    }

    private static RunHeader header(RunHeader h, CalibrationFile cal, Path calFile) {
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("file", calFile.toString());
        calibration.put("tau", cal.chosenTau());
        calibration.put("method", cal.chosen().id());
        calibration.put("k", cal.k());
        return new RunHeader(h.formatVersion(), "serve-screenshots", Instant.now().toString(), h.workbenchVersion(),
                "serve: " + h.model() + " (gate)", h.model(), h.server(), "live traffic (ungraded)", null, "free", "gated",
                h.steps(), h.topK(), h.temperature(), h.maxTokensPerStep(), h.reasoningEffort(), h.prompts(), false,
                Map.of("source", "ew serve", "serveMode", "gate"), calibration);
    }

    private static void append(RunFileWriter w, List<List<StepRecord>> requests) throws Exception {
        for (List<StepRecord> r : requests) {
            for (StepRecord s : r) {
                w.append(s);
            }
        }
    }

    private static void snap(Stage stage, Path file) throws Exception {
        ImageIO.write(FxSteps.opaqueSnapshot(stage), "png", file.toFile());
        System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
    }

    private static void settle() throws Exception {
        Thread.sleep(1200);
        fx(() -> null);
    }
}
