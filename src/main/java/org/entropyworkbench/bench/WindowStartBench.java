package org.entropyworkbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 12, the window's start: launches the real app through {@code ./ew} (it opens the four
 * sample runs) with {@code -Dewb.startupTrace=exit}, and times, from the launch, the arrival of its
 * "first pulse" and "runs loaded" lines on stderr; the window then closes itself. Baseline: the
 * same launch with the launcher's tuning off ({@code EW_NO_TUNING=1}), alternating in the same
 * rounds. Needs a display (run under xvfb-run).
 */
public final class WindowStartBench implements BenchSection {

    static final String SECTION = "Window start (./ew, four sample runs)";

    @Override
    public String id() { return "window"; }

    @Override
    public String title() { return SECTION; }

    private record Start(double firstPulse, double runsLoaded) {
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            report.note(SECTION, "not run: no DISPLAY (run ./ew bench under xvfb-run)");
            return;
        }
        Path root = StartupBench.locateRoot();
        if (root == null) {
            report.note(SECTION, "not run: ./ew not found above the working directory");
            return;
        }
        int rounds = context.size(2, 4);
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        for (int r = -1; r < rounds; r++) {
            for (String variant : (r % 2 == 0 ? List.of("tuned", "plain") : List.of("plain", "tuned"))) {
                context.progress(id(), (r < 0 ? "warm-up (writes the window's class-data archive)" : "round " + (r + 1))
                        + ": " + variant);
                Start s = launch(root, variant.equals("plain"));
                if (r >= 0) {
                    starts.computeIfAbsent(variant, v -> new ArrayList<>()).add(s);
                }
            }
        }
        double pulse = WholeProcess.median(starts.get("tuned").stream().map(Start::firstPulse).toList());
        double loaded = WholeProcess.median(starts.get("tuned").stream().map(Start::runsLoaded).toList());
        double pulsePlain = WholeProcess.median(starts.get("plain").stream().map(Start::firstPulse).toList());
        double loadedPlain = WholeProcess.median(starts.get("plain").stream().map(Start::runsLoaded).toList());
        report.target(SECTION, "launch to first frame (first pulse)", pulse, "s", "launcher tuning off", pulsePlain,
                "<= 1.5 s", pulse <= 1.5);
        report.target(SECTION, "launch to the four sample runs analysed and shown", loaded, "s", "launcher tuning off",
                loadedPlain, "<= 2.5 s", loaded <= 2.5);
        report.note(SECTION, "medians of " + rounds + " launches each after one warm-up launch of each; tuned and plain alternate."
                + " The sample runs come from the user's summary cache once a launch has parsed them (the warm-up does), in both"
                + " the tuned and the plain launches: the cache, the lazily built screens and the Analysis screen built after the"
                + " first frame are the window's code, not launcher tuning, so this baseline shows the launcher's share only.");
    }

    private static Start launch(Path root, boolean plain) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("ew").toString()).directory(root.toFile());
        // a fresh state folder: the window opens the sample runs, not a workspace remembered from a session
        Path state = Files.createTempDirectory("ewb-window-bench-state");
        pb.environment().put("EW_JAVA_OPTS", "-Dewb.startupTrace=exit -Dewb.stateDir=" + state);
        if (plain) {
            pb.environment().put("EW_NO_TUNING", "1");
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        double pulse = Double.NaN;
        double loaded = Double.NaN;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.startsWith("ewb-startup: first-pulse")) {
                    pulse = (System.nanoTime() - t0) / 1e9;
                } else if (line.startsWith("ewb-startup: runs-loaded")) {
                    loaded = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the window did not close within 300 s");
        }
        if (Double.isNaN(pulse) || Double.isNaN(loaded)) {
            throw new IOException("the window printed no start-up trace (exit code " + p.exitValue() + ")");
        }
        return new Start(pulse, loaded);
    }
}
