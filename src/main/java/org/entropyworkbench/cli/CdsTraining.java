package org.entropyworkbench.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run {@code ./ew} makes its class-data-sharing archive from, once per build (issue 12):
 * runs the short headless commands in one JVM (help texts, {@code analyze} and {@code calibrate} on
 * a sample run, parsed and then from the summary cache) so the archive holds the classes each of
 * them loads. Output is discarded; the summary cache used is a temporary folder, deleted after.
 * Not a user command; main thread only.
 *
 * With a second argument it also stores every command's help text there ({@link CachedHelp}).
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=LIST ... CdsTraining SAMPLE_RUN [HELP_DIR]}, then
 * {@code java -Xshare:dump -XX:SharedClassListFile=LIST -XX:SharedArchiveFile=ARCHIVE ...}: a static
 * archive, because JDK 17's dynamic one leaves out picocli's and commons-math3's pre-Java-6 class files.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 1 && args.length != 2) {
            throw new IllegalArgumentException("usage: CdsTraining SAMPLE_RUN [HELP_DIR]");
        }
        // the launcher's main class, which this run does not start: in the archive, a help line opens no jar at all
        Class.forName(Main.class.getName(), false, CdsTraining.class.getClassLoader());
        if (args.length == 2) {
            String identity = CachedHelp.runningJarIdentity();
            if (identity != null) {
                CachedHelp.write(Path.of(args[1]), identity);
                // what Main does for a help line, so the archive holds those classes too
                System.setProperty(CachedHelp.DIR_PROPERTY, args[1]);
                CachedHelp.forArgs(new String[] {"analyze", "--help"});
                System.clearProperty(CachedHelp.DIR_PROPERTY);
            }
        }
        String run = args[0];
        Path cacheDir = Files.createTempDirectory("ew-cds-training");
        System.setProperty(org.entropyworkbench.core.cache.SummaryCache.DIR_PROPERTY, cacheDir.toString());
        Path calibration = cacheDir.resolve("calibration.json");
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true);
        try {
            for (List<String> line : List.of(
                    List.of("--help"),
                    List.of("analyze", "--help"),
                    List.of("calibrate", "--help"),
                    List.of("analyze", run),
                    List.of("analyze", run),
                    List.of("analyze", "--json", "--k", "10", run),
                    List.of("calibrate", run, "-o", calibration.toString()),
                    List.of("cache", "path"))) {
                EntropyWorkbenchCli.execute(discard, discard, line.toArray(String[]::new));
            }
        } finally {
            try (Stream<Path> files = Files.walk(cacheDir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.exit(0);
    }
}
