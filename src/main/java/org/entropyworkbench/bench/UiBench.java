package org.entropyworkbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.ui.workspace.Workspace;
import org.entropyworkbench.ui.run.RunView;
import org.entropyworkbench.ui.run.RunViewModel;
import org.entropyworkbench.ui.task.FxTaskExecutor;

/**
 * Issue 4 item 5: the Run screen ({@link RunView} / {@link RunViewModel}) replaying one recorded
 * step of 32,768 tokens at 5,000 tokens per second, so the live plot grows to 32,768 points. Over
 * the replay window: the FX thread's CPU time (ThreadMXBean) as a share of the window, and the
 * longest gap between two pulses (an AnimationTimer's timestamps). Baseline in the same run: the
 * same screen shown but idle for a window of the same length. Needs a display (run under xvfb-run).
 */
public final class UiBench implements BenchSection {

    static final String SECTION = "UI (Run screen, replay at 5,000 tokens/s, 32,768-token live plot)";
    static final int TOKENS = 32_768;
    static final double SPEED = 5_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() { return "ui"; }

    @Override
    public String title() { return SECTION; }

    /** FX-thread busy share and pulse gaps over one window. */
    record Window(double seconds, double fxBusyShare, double renderBusyShare, double maxPulseGapMillis, int pulses, int gapsOver50) {
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        if (System.getenv("DISPLAY") == null && !"Mac OS X".equals(System.getProperty("os.name"))) {
            report.note(SECTION, "not run: no display (run under xvfb-run, as bench/run-bench.sh does).");
            return;
        }
        Path file = replayFile(context.dataDir());
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(30, TimeUnit.SECONDS);
        long fxThreadId = onFx(() -> Thread.currentThread().getId());
        PulseRecorder pulses = onFx(() -> {
            FxTaskExecutor executor = new FxTaskExecutor();
            RunViewModel vm = new RunViewModel(new Workspace(executor), executor);
            vm.form().concurrency().set(1);
            Stage stage = new Stage();
            stage.setScene(new Scene(new RunView(vm), 1280, 800));
            stage.setTitle("bench");
            stage.show();
            PulseRecorder p = new PulseRecorder(vm, stage);
            p.start();
            return p;
        });
        double expectedSeconds = TOKENS / SPEED;
        context.progress("ui", "idle baseline, " + Math.round(expectedSeconds) + " s");
        Thread.sleep(1500);
        Window idle = measure(pulses, fxThreadId, () -> Thread.sleep((long) (expectedSeconds * 1000)));
        context.progress("ui", "replay of " + TOKENS + " tokens at " + (int) SPEED + " tokens/s");
        Window replay = measure(pulses, fxThreadId, () -> {
            onFx(() -> {
                pulses.vm.startReplay(file, SPEED);
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) (expectedSeconds * 4 + 30));
            Thread.sleep(500);
            while (onFx(() -> pulses.vm.running().get() || pulses.vm.progress().get() < 1.0) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        });
        double progress = onFx(() -> pulses.vm.progress().get());
        List<String> gaps = onFx(() -> List.copyOf(pulses.bigGaps));
        onFx(() -> {
            pulses.stop();
            pulses.stage.close();
            return null;
        });
        report.target(SECTION, "FX thread busy during the replay", 100 * replay.fxBusyShare(), "%", "idle screen",
                100 * idle.fxBusyShare(), "< 25%", replay.fxBusyShare() < 0.25);
        report.target(SECTION, "longest pulse gap during the replay", replay.maxPulseGapMillis(), "ms", "idle screen",
                idle.maxPulseGapMillis(), "<= 50 ms", replay.maxPulseGapMillis() <= 50);
        report.info(SECTION, "pulses over 50 ms apart during the replay", replay.gapsOver50(), "pulses");
        report.compared(SECTION, "render thread (QuantumRenderer) busy during the replay", 100 * replay.renderBusyShare(), "%",
                "idle screen", 100 * idle.renderBusyShare());
        report.info(SECTION, "FX-thread CPU per pulse during the replay", 1000 * replay.fxBusyShare() * replay.seconds()
                / Math.max(1, replay.pulses()), "ms");
        report.info(SECTION, "render-thread CPU per pulse during the replay", 1000 * replay.renderBusyShare() * replay.seconds()
                / Math.max(1, replay.pulses()), "ms");
        report.info(SECTION, "system load average (1 min) at the end of the replay",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "");
        report.info(SECTION, "replay window", replay.seconds(), "s");
        report.note(SECTION, String.format(Locale.ROOT,
                "One question, one recorded step of %,d tokens replayed through ReplayProvider + RunEngine at %,.0f tokens/s on the "
                        + "real Run screen (1280x800, software rendering under Xvfb); progress reached %.2f. Pulses: %d in %.1f s.",
                TOKENS, SPEED, progress, replay.pulses(), replay.seconds()));
        if (!gaps.isEmpty()) {
            report.note(SECTION, "Gaps over 50 ms (length at time into the window): " + String.join(", ", gaps) + ".");
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Window measure(PulseRecorder pulses, long fxThreadId, Action action) throws Exception {
        onFx(() -> {
            pulses.reset();
            return null;
        });
        long renderId = threadId("QuantumRenderer");
        long cpu0 = THREADS.getThreadCpuTime(fxThreadId);
        long render0 = renderId < 0 ? 0 : THREADS.getThreadCpuTime(renderId);
        long t0 = System.nanoTime();
        action.run();
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getThreadCpuTime(fxThreadId) - cpu0;
        long render = renderId < 0 ? -1 : THREADS.getThreadCpuTime(renderId) - render0;
        double[] gap = onFx(() -> new double[] {pulses.maxGapNanos / 1e6, pulses.count, pulses.over50});
        return new Window(wall / 1e9, (double) cpu / wall, render < 0 ? Double.NaN : (double) render / wall, gap[0],
                (int) gap[1], (int) gap[2]);
    }

    /** Id of the first live thread whose name starts with {@code prefix}, or -1. */
    private static long threadId(String prefix) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                return t.getId();
            }
        }
        return -1;
    }

    /** Records pulse timestamps on the FX thread. */
    private static final class PulseRecorder extends AnimationTimer {
        final RunViewModel vm;
        final Stage stage;
        final List<String> bigGaps = new ArrayList<>();
        long first;
        long last;
        long maxGapNanos;
        int count;
        int over50;

        PulseRecorder(RunViewModel vm, Stage stage) {
            this.vm = vm;
            this.stage = stage;
        }

        void reset() {
            first = 0;
            last = 0;
            bigGaps.clear();
            maxGapNanos = 0;
            count = 0;
            over50 = 0;
        }

        @Override
        public void handle(long now) {
            if (last != 0) {
                long gap = now - last;
                maxGapNanos = Math.max(maxGapNanos, gap);
                if (gap > 50_000_000L) {
                    over50++;
                    if (bigGaps.size() < 12) {
                        bigGaps.add(String.format(Locale.ROOT, "%.0f ms at %.2f s", gap / 1e6, (last - first) / 1e9));
                    }
                }
            } else {
                first = now;
            }
            last = now;
            count++;
        }
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** One question, one step, 32,768 token records (entropies only; the replay synthesises alternatives). */
    static Path replayFile(Path dir) throws IOException {
        Path file = dir.resolve("ui-replay-" + TOKENS + ".jsonl");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Random random = new Random(17);
        int[] ks = TopKEntropy.ABLATION_KS;
        Map<Integer, double[]> byK = new HashMap<>();
        for (int k : ks) {
            byK.put(k, new double[TOKENS]);
        }
        List<String> tokens = new ArrayList<>(TOKENS);
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < TOKENS; t++) {
            double h = random.nextDouble() < 0.15 ? 1 + 2 * random.nextDouble() : 0.2 * random.nextDouble();
            for (int j = 0; j < ks.length; j++) {
                byK.get(ks[j])[t] = Math.round(h * (0.9 + 0.1 * j / 3.0) * 1e4) / 1e4;
            }
            String tok = t % 7 == 0 ? " so" : " x" + (t % 13);
            tokens.add(tok);
            text.append(tok);
        }
        text.append(" \\boxed{7}");
        StepRecord step = new StepRecord("ui-q1", 1, "0".repeat(64), "bench-model", "bench", 0.7, 40000, 20, text.toString(), null,
                "7", "7", true, 64, TOKENS, "stop", tokens, "A".repeat(TOKENS), byK, null, null, List.of(), 0L, 1000);
        RunHeader header = new RunHeader(RunHeader.FORMAT_VERSION, "bench-ui", "2026-01-01T00:00:00Z", "bench", "UI benchmark replay",
                "bench-model", "bench", "bench", null, "integer", "full", 1, 20, 0.7, 40000, null, Map.of(), true,
                Map.of("generator", "UiBench"), Map.of());
        RunFileWriter.writeAll(file, header, List.of(step));
        return file;
    }
}
