package org.entropyworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 12, one-shot commands as a user types them: whole processes started through {@code ./ew},
 * each variant and its baseline launched alternately in the same rounds (so a busy machine slows
 * both alike), medians reported.
 *
 * <ul>
 *   <li>{@code ./ew analyze} on the sample GPQA-sized run, a file never seen before (an empty summary
 *       cache each round) and the same file again (the cache kept), against {@code bench/analyze_baseline.py}
 *       (json + numpy), whose class means and d must equal ours;</li>
 *   <li>{@code ./ew --version} and {@code ./ew analyze --help}, with the launcher's tuning off
 *       ({@code EW_NO_TUNING=1}: no class-data archive, default JIT and GC) as the comparison, and the
 *       JVM's own start ({@code java -version}) for the floor.</li>
 * </ul>
 */
public final class StartupBench implements BenchSection {

    static final String SECTION = "Start-up (whole process, ./ew as typed)";
    static final String SAMPLE = "sample-runs/2-reasoning-gpqa.jsonl.gz";

    @Override
    public String id() { return "startup"; }

    @Override
    public String title() { return SECTION; }

    /** One command line measured in every round. */
    private record Variant(String id, List<String> command, Map<String, String> env, boolean freshCache) {
    }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        Path root = locateRoot();
        if (root == null) {
            report.note(SECTION, "not run: ./ew and bench/analyze_baseline.py not found above the working directory");
            return;
        }
        String ew = root.resolve("ew").toString();
        String sample = root.resolve(SAMPLE).toString();
        Path work = Files.createTempDirectory("bench-startup");
        Path warmCache = work.resolve("warm-cache");
        try {
            List<Variant> variants = new ArrayList<>();
            if (context.python() != null) {
                variants.add(new Variant("python", List.of(context.python(), root.resolve("bench/analyze_baseline.py").toString(),
                        sample), Map.of(), false));
            }
            variants.add(new Variant("new", List.of(ew, "analyze", sample), Map.of(), true));
            variants.add(new Variant("again", List.of(ew, "analyze", sample), Map.of("EW_CACHE_DIR", warmCache.toString()), false));
            variants.add(new Variant("plain", List.of(ew, "analyze", "--no-cache", sample), Map.of("EW_NO_TUNING", "1"), false));
            variants.add(new Variant("version", List.of(ew, "--version"), Map.of(), false));
            variants.add(new Variant("version-plain", List.of(ew, "--version"), Map.of("EW_NO_TUNING", "1"), false));
            variants.add(new Variant("help", List.of(ew, "analyze", "--help"), Map.of(), false));
            variants.add(new Variant("help-plain", List.of(ew, "analyze", "--help"), Map.of("EW_NO_TUNING", "1"), false));
            variants.add(new Variant("jvm", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-version"), Map.of(), false));

            int rounds = context.size(3, 7);
            Map<String, List<Double>> wall = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            context.progress(id(), "warm-up round (builds ./ew and its class-data archive when missing)");
            for (Variant v : variants) {
                measure(v, work, root);
            }
            for (int round = 0; round < rounds; round++) {
                context.progress(id(), "round " + (round + 1) + " of " + rounds);
                for (int i = 0; i < variants.size(); i++) {
                    Variant v = variants.get((i + round) % variants.size());
                    WholeProcess.Timing t = measure(v, work, root);
                    wall.computeIfAbsent(v.id(), x -> new ArrayList<>()).add(t.wallSeconds());
                    cpu.computeIfAbsent(v.id(), x -> new ArrayList<>()).add(t.cpuSeconds());
                }
            }
            report(report, wall, cpu, rounds);
            if (context.python() != null) {
                report.note(SECTION, "python baseline run as " + context.python() + " (the interpreter itself, no launcher script)");
            }
            checkSameNumbers(context, report, root, ew, sample, work);
        } finally {
            deleteTree(work);
        }
    }

    private static WholeProcess.Timing measure(Variant v, Path work, Path root) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(v.env());
        Path fresh = null;
        if (v.freshCache()) {
            fresh = Files.createTempDirectory(work, "fresh-cache");
            env.put("EW_CACHE_DIR", fresh.toString());
        }
        try {
            return WholeProcess.run(v.command(), env, root, 300);
        } finally {
            if (fresh != null) {
                deleteTree(fresh);
            }
        }
    }

    private static void report(BenchReport report, Map<String, List<Double>> wall, Map<String, List<Double>> cpu, int rounds) {
        double py = WholeProcess.median(wall.getOrDefault("python", List.of()));
        double pyCpu = WholeProcess.median(cpu.getOrDefault("python", List.of()));
        String pyName = "python json+numpy script";
        double neu = WholeProcess.median(wall.get("new"));
        double again = WholeProcess.median(wall.get("again"));
        double plain = WholeProcess.median(wall.get("plain"));
        if (!Double.isNaN(py)) {
            report.target(SECTION, "analyze, sample GPQA-sized run, file never seen before (wall)", neu, "s", pyName, py,
                    "<= 1.25x", neu <= 1.25 * py);
            report.target(SECTION, "analyze, same file again: summary cache (wall)", again, "s", pyName, py,
                    "<= 0.5x", again <= 0.5 * py);
            report.compared(SECTION, "analyze, launcher tuning off and --no-cache: the start before issue 12 (wall)", plain, "s",
                    pyName, py);
            report.compared(SECTION, "analyze, file never seen before (CPU, user+sys)", WholeProcess.median(cpu.get("new")), "s",
                    pyName, pyCpu);
            report.compared(SECTION, "analyze, same file again (CPU, user+sys)", WholeProcess.median(cpu.get("again")), "s",
                    pyName, pyCpu);
            report.compared(SECTION, "analyze, launcher tuning off and --no-cache (CPU, user+sys)",
                    WholeProcess.median(cpu.get("plain")), "s", pyName, pyCpu);
        } else {
            report.note(SECTION, "python3 not found: the analyze targets could not be judged");
        }
        report.compared(SECTION, "analyze, file never seen before vs launcher tuning off, --no-cache (wall)", neu, "s",
                "tuning off", plain);
        for (String cmd : List.of("version", "help")) {
            String label = cmd.equals("version") ? "ew --version" : "ew analyze --help";
            double tuned = WholeProcess.median(wall.get(cmd));
            report.target(SECTION, label + " (wall)", tuned, "s", "launcher tuning off", WholeProcess.median(wall.get(cmd + "-plain")),
                    "<= 0.15 s", tuned <= 0.15);
            report.compared(SECTION, label + " (CPU, user+sys)", WholeProcess.median(cpu.get(cmd)), "s", "launcher tuning off",
                    WholeProcess.median(cpu.get(cmd + "-plain")));
            report.compared(SECTION, label + " vs the JVM starting alone (wall)", tuned, "s", "java -version",
                    WholeProcess.median(wall.get("jvm")));
        }
        report.note(SECTION, "medians of " + rounds + " rounds after a warm-up round; in each round every command runs once, in an"
                + " order rotated by one per round. Files are in the page cache for every command alike.");
    }

    /** ew's class means and d must equal the script's; the cached analysis must print what the parsed one prints. */
    private static void checkSameNumbers(BenchContext context, BenchReport report, Path root, String ew, String sample, Path work)
            throws IOException, InterruptedException {
        Path cache = work.resolve("check-cache");
        Map<String, String> env = Map.of("EW_CACHE_DIR", cache.toString());
        String parsed = WholeProcess.run(List.of(ew, "analyze", "--json", "--no-cache", sample), env, root, 300).stdout();
        WholeProcess.run(List.of(ew, "analyze", "--json", sample), env, root, 300);
        String cached = WholeProcess.run(List.of(ew, "analyze", "--json", sample), env, root, 300).stdout();
        report.target(SECTION, "analyze --json from the summary cache equals the parsed analysis", parsed.equals(cached) ? 1 : 0,
                "(1 = identical)", null, Double.NaN, "identical", parsed.equals(cached));
        if (context.python() == null) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode sep = json.readTree(parsed).path("runs").get(0).path("separation");
        JsonNode py = json.readTree(WholeProcess.run(List.of(context.python(),
                root.resolve("bench/analyze_baseline.py").toString(), sample), Map.of(), root, 300).stdout());
        double diff = Math.max(Math.abs(sep.path("correct").path("mean").asDouble() - py.path("correct").path("mean").asDouble()),
                Math.max(Math.abs(sep.path("incorrect").path("mean").asDouble() - py.path("incorrect").path("mean").asDouble()),
                        Math.abs(sep.path("cohensD").asDouble() - py.path("cohensD").asDouble())));
        boolean sameN = sep.path("correct").path("n").asInt() == py.path("correct").path("n").asInt()
                && sep.path("incorrect").path("n").asInt() == py.path("incorrect").path("n").asInt();
        report.target(SECTION, "class means and d: largest difference ew vs the script" + (sameN ? "" : " (class sizes DIFFER)"),
                diff, "", null, Double.NaN, "<= 1e-9, same n", sameN && diff <= 1e-9);
        report.note(SECTION, "the script ran with " + (py.path("numpy").asBoolean() ? "numpy" : "plain Python (numpy missing)"));
    }

    /** The checkout: the first folder upwards holding ./ew and bench/analyze_baseline.py; null when none. */
    static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isExecutable(dir.resolve("ew")) && Files.isRegularFile(dir.resolve("bench/analyze_baseline.py"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        return null;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
