package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: headless commands that do not need the window or the network load none of their classes
 * (JavaFX, JFreeChart, OkHttp/Okio/Kotlin): each command runs in a fresh JVM with
 * {@code -Xlog:class+load} and the loaded class names are checked.
 */
class HeadlessClassLoadingTest {

    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");
    private static final List<String> FORBIDDEN = List.of("javafx.", "com.sun.javafx.", "com.sun.glass.", "com.sun.prism.",
            "org.jfree.", "okhttp3.", "okio.", "kotlin.");

    @TempDir
    Path dir;

    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-Dewb.cacheDir=" + dir.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static void assertHeadless(List<String> classes) {
        assertThat(classes).as("the JVM's class log was read").hasSizeGreaterThan(300);
        assertThat(classes).filteredOn(c -> FORBIDDEN.stream().anyMatch(c::startsWith)).isEmpty();
    }

    @Test
    void analyzeLoadsNoWindowChartOrHttpClass() throws Exception {
        List<String> classes = loadedClasses("analyze", "sample-runs/2-reasoning-gpqa.jsonl.gz");
        assertHeadless(classes);
        assertThat(classes).contains("org.entropyworkbench.core.analysis.RunAnalysis");
        List<String> again = loadedClasses("analyze", "sample-runs/2-reasoning-gpqa.jsonl.gz");
        assertHeadless(again);
        assertThat(again).as("the second run reads the summary cache, not the file")
                .contains("org.entropyworkbench.core.cache.SummaryCache")
                .doesNotContain("org.entropyworkbench.core.run.FastStepLineReader");
    }

    @Test
    void helpAndVersionLoadNeitherThoseNorOtherCommandsOptions() throws Exception {
        assertHeadless(loadedClasses("analyze", "--help"));
        List<String> version = loadedClasses("--version");
        assertThat(version).filteredOn(c -> FORBIDDEN.stream().anyMatch(c::startsWith)).isEmpty();
        // the main class's signatures name JDK types only, so the java launcher's check of main loads no picocli class
        assertThat(version).as("--version builds no command parser").filteredOn(c -> c.startsWith("picocli.")).isEmpty();
        assertThat(version).as("--version loads no command").noneMatch(c -> c.endsWith("Command")
                && c.startsWith("org.entropyworkbench.cli."));
    }
}
