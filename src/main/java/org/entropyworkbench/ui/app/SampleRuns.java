package org.entropyworkbench.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the bundled sample runs are: the folder named by the system property
 * {@code ewb.sampleRuns}, default {@code ./sample-runs}; files {@code *.jsonl} and
 * {@code *.jsonl.gz}, sorted by name. Any thread (file listing only).
 */
public final class SampleRuns {

    private SampleRuns() {
    }

    public static Path folder() {
        return Paths.get(System.getProperty("ewb.sampleRuns", "sample-runs"));
    }

    /** The run files in {@code folder}, sorted by name; empty when it does not exist. */
    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
