package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this program in a fresh JVM with its own heap limit, for memory-bound measurements. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @return the child's standard output
     * @throws IOException when the child fails, times out (it is then killed) or prints to stderr an error;
     *                     the message carries the tail of its stderr
     */
    public static String run(Class<?> mainClass, List<String> jvmArgs, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Path err = Files.createTempFile("bench-child", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(mainClass.getSimpleName() + " timed out after " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                String e = Files.readString(err, StandardCharsets.UTF_8);
                throw new IOException(mainClass.getSimpleName() + " exited with " + p.exitValue() + ": "
                        + (e.length() > 600 ? e.substring(0, 600) : e).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
