package org.entropyworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs bench/reference_ingest.py (the plain Python reference) as a subprocess on the same file and
 * reads its one-line JSON result.
 */
public final class PythonReference {

    /** What the reference computed: records, per-k means (index of TopKEntropy.ABLATION_KS), its own timing. */
    public record Result(long records, long usable, double[] means, double wallSeconds, double cpuSeconds) {
    }

    private PythonReference() {
    }

    /** The script, looked up from the working directory upwards; null when not found. */
    public static Path locateScript() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("bench").resolve("reference_ingest.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /**
     * The interpreter behind {@code python3} (else {@code python}) as an absolute path, null when neither
     * answers. Not the name itself: on a machine with pyenv (this one) {@code python3} on the PATH is a shell
     * shim that costs ~0.25 s per start, which a whole-process baseline would count as Python's time
     * (the startup section once did, and a 0.27 s script measured 0.52 s). Falls back to the name when the
     * interpreter does not say where it is.
     */
    public static String detectPython() {
        for (String candidate : new String[] {"python3", "python"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import sys; print(sys.executable)")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    Path exe = out.isEmpty() ? null : Path.of(out);
                    return exe != null && exe.isAbsolute() && Files.isExecutable(exe) ? exe.toString() : candidate;
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // not installed under this name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * @param format "run" or "openai"
     * @throws IOException when the script fails or prints something unexpected (its stderr is in the message)
     */
    public static Result run(String python, Path script, String format, Path file, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path errFile = Files.createTempFile("bench-python", ".err");
        try {
            Process p = new ProcessBuilder(python, script.toString(), format, file.toString())
                    .redirectError(errFile.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python reference timed out after " + timeoutSeconds + " s on " + file.getFileName());
            }
            if (p.exitValue() != 0) {
                throw new IOException("python reference failed on " + file.getFileName() + ": "
                        + Files.readString(errFile, StandardCharsets.UTF_8).strip());
            }
            JsonNode json = new ObjectMapper().readTree(out);
            int[] ks = org.entropyworkbench.core.entropy.TopKEntropy.ABLATION_KS;
            double[] means = new double[ks.length];
            for (int j = 0; j < ks.length; j++) {
                means[j] = json.path("mean").path(String.valueOf(ks[j])).asDouble(Double.NaN);
            }
            return new Result(json.path("records").asLong(), json.path("usable").asLong(), means,
                    json.path("wallSeconds").asDouble(), json.path("cpuSeconds").asDouble());
        } finally {
            Files.deleteIfExists(errFile);
        }
    }
}
