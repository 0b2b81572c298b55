package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times one whole process (a command as a user types it: {@code ./ew analyze ...}, the Python script):
 * wall time from start to exit, and user + system CPU when {@code /usr/bin/time} is there. Output is
 * captured (returned) so a caller can check what the command computed. Calling thread only.
 */
final class WholeProcess {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private WholeProcess() {
    }

    /**
     * @param wallSeconds start to exit as seen by the benchmark
     * @param cpuSeconds  user + system CPU of the process and its children, NaN when not measurable
     * @param stdout      what it printed
     */
    record Timing(double wallSeconds, double cpuSeconds, String stdout) {
    }

    /** Runs {@code command} with extra environment variables; throws naming the command when it fails. */
    static Timing run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds)
            throws IOException, InterruptedException {
        boolean timed = Files.isExecutable(GNU_TIME);
        Path cpuFile = timed ? Files.createTempFile("bench-time", ".txt") : null;
        Path errFile = Files.createTempFile("bench-proc", ".err");
        List<String> full = new ArrayList<>();
        if (timed) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S", "-o", cpuFile.toString()));
        }
        full.addAll(command);
        try {
            ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toFile()).redirectError(errFile.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) {
                String e = Files.readString(errFile, StandardCharsets.UTF_8);
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + (e.length() > 600 ? e.substring(e.length() - 600) : e).strip());
            }
            double cpu = Double.NaN;
            if (timed) {
                String[] parts = Files.readString(cpuFile).strip().split("\\s+");
                if (parts.length >= 2) {
                    cpu = Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1]);
                }
            }
            return new Timing(wall, cpu, new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errFile);
            if (cpuFile != null) {
                Files.deleteIfExists(cpuFile);
            }
        }
    }

    /** Median of a list of values (NaN when empty). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
