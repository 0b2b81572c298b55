package org.entropyworkbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark sections in order and prints the Markdown report: the command, the machine,
 * then every section's figures. A section that cannot run (no display, a failure) is reported as
 * such and the others still run.
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    /** Every section in report order. */
    public static List<BenchSection> sections() {
        return List.of(new StartupBench(), new ReopenBench(), new ParallelParseBench(), new WindowStartBench(),
                new IngestBench(), new LargeRunBench(), new AnalysisBench(), new StreamingBench(), new UiBench(),
                new SoakBench(), new FuzzBench(), new SignalsBench(),
                new ServeBench());
    }

    /** Section ids, for help texts and validation. */
    public static List<String> ids() {
        return sections().stream().map(BenchSection::id).toList();
    }

    /**
     * @param only    section ids to run; empty = all
     * @param command the command line as typed, printed in the report
     * @return the report, also printed to {@code out}
     */
    public static BenchReport run(BenchContext context, Set<String> only, String command, PrintWriter out) {
        BenchReport report = new BenchReport();
        Map<String, Double> seconds = new LinkedHashMap<>();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (BenchSection section : sections()) {
            if (!only.isEmpty() && !only.contains(section.id())) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                section.run(context, report);
            } catch (Exception | Error e) {
                report.note(section.title(), "could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                context.progress(section.id(), "FAILED: " + e);
            }
            seconds.put(section.id(), (System.nanoTime() - t0) / 1e9);
        }
        out.println("## Benchmark report");
        out.println();
        out.println("- command: `" + command + "`");
        out.println("- when: " + Instant.now());
        out.println("- mode: " + (context.quick() ? "quick" : "full"));
        for (String line : machine()) {
            out.println("- " + line);
        }
        List<String> times = new ArrayList<>();
        seconds.forEach((id, s) -> times.add(String.format(Locale.ROOT, "%s %.0f s", id, s)));
        out.println("- section wall times: " + String.join(", ", times));
        out.println(String.format(Locale.ROOT, "- system load average (1 min): %.2f at the start, %.2f at the end "
                        + "(other processes share the machine; above nproc the figures are pessimistic)", loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.println();
        out.print(report.toMarkdown());
        out.flush();
        return report;
    }

    /** nproc, CPU model, RAM, JDK, OS. */
    public static List<String> machine() {
        List<String> lines = new ArrayList<>();
        lines.add("nproc (available processors): " + Runtime.getRuntime().availableProcessors());
        lines.add("CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        lines.add("RAM: " + (mem.endsWith("kB") ? String.format(Locale.ROOT, "%.1f GiB",
                Long.parseLong(mem.replace("kB", "").trim()) / 1024.0 / 1024.0) : mem));
        lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return lines;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? line : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + file + " not readable)";
        }
        return "unknown";
    }

    /** Parses {@code --only a,b}; throws naming an unknown id. */
    public static Set<String> parseOnly(String only) {
        if (only == null || only.isBlank()) {
            return Set.of();
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String part : only.split(",")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (!ids().contains(id)) {
                throw new IllegalArgumentException("unknown benchmark '" + id + "' (expected " + String.join(", ", ids()) + ")");
            }
            out.add(id);
        }
        return out;
    }
}
