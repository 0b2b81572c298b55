package org.entropyworkbench.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures one {@code ./ew bench} run measured, grouped by benchmark section, printed as the
 * Markdown tables that go into docs/performance.md.
 *
 * <p>Every figure may carry a baseline measured in the same run; the ratio is value / baseline.
 * Thread-safe for the simple use it gets (sections append from the bench's main thread).
 */
public final class BenchReport {

    /** Whether a figure has a target and whether it was reached. */
    public enum Verdict {
        MET("met"), MISSED("MISSED"), INFO("-");

        private final String label;

        Verdict(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * One measured figure.
     *
     * @param name          what was measured
     * @param value         the measurement
     * @param unit          its unit
     * @param baselineName  what it is compared with (null when nothing)
     * @param baselineValue the baseline measured in the same run (NaN when none)
     * @param target        the target in words, e.g. "&gt;= 10x" (null when none)
     * @param verdict       met, missed or informational
     */
    public record Figure(String name, double value, String unit, String baselineName, double baselineValue,
                         String target, Verdict verdict) {
        /** value / baseline, NaN without a baseline. */
        public double ratio() {
            return Double.isNaN(baselineValue) || baselineValue == 0 ? Double.NaN : value / baselineValue;
        }
    }

    private final Map<String, List<Figure>> figures = new LinkedHashMap<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    public synchronized void add(String section, Figure figure) {
        figures.computeIfAbsent(section, s -> new ArrayList<>()).add(figure);
    }

    /** A figure without a target. */
    public void info(String section, String name, double value, String unit) {
        add(section, new Figure(name, value, unit, null, Double.NaN, null, Verdict.INFO));
    }

    /** A figure compared with a baseline, without a target of its own. */
    public void compared(String section, String name, double value, String unit, String baselineName, double baseline) {
        add(section, new Figure(name, value, unit, baselineName, baseline, null, Verdict.INFO));
    }

    /** A figure with a target; {@code met} says whether it was reached. */
    public void target(String section, String name, double value, String unit, String baselineName, double baseline,
                       String target, boolean met) {
        add(section, new Figure(name, value, unit, baselineName, baseline, target, met ? Verdict.MET : Verdict.MISSED));
    }

    public synchronized void note(String section, String text) {
        notes.computeIfAbsent(section, s -> new ArrayList<>()).add(text);
    }

    public synchronized List<Figure> figures(String section) {
        return List.copyOf(figures.getOrDefault(section, List.of()));
    }

    public synchronized List<String> notes(String section) {
        return List.copyOf(notes.getOrDefault(section, List.of()));
    }

    /** Every figure whose target was missed, as "section: name". */
    public synchronized List<String> missed() {
        List<String> out = new ArrayList<>();
        figures.forEach((section, list) -> list.stream().filter(f -> f.verdict() == Verdict.MISSED)
                .forEach(f -> out.add(section + ": " + f.name())));
        return out;
    }

    /** Markdown: one table per section, then its notes. */
    public synchronized String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        List<String> sections = new ArrayList<>(figures.keySet());
        notes.keySet().stream().filter(s -> !sections.contains(s)).forEach(sections::add);
        for (String section : sections) {
            sb.append("### ").append(section).append("\n\n");
            List<Figure> list = figures.getOrDefault(section, List.of());
            if (!list.isEmpty()) {
                sb.append("| figure | value | baseline (same run) | ratio | target | verdict |\n");
                sb.append("|---|---:|---|---:|---|---|\n");
                for (Figure f : list) {
                    sb.append("| ").append(f.name())
                            .append(" | ").append(format(f.value())).append(' ').append(f.unit())
                            .append(" | ").append(f.baselineName() == null ? "" : f.baselineName() + ": " + format(f.baselineValue()))
                            .append(" | ").append(Double.isNaN(f.ratio()) ? "" : format(f.ratio()) + "x")
                            .append(" | ").append(f.target() == null ? "" : f.target())
                            .append(" | ").append(f.verdict().label()).append(" |\n");
                }
                sb.append('\n');
            }
            for (String n : notes.getOrDefault(section, List.of())) {
                sb.append("- ").append(n).append('\n');
            }
            if (notes.containsKey(section)) {
                sb.append('\n');
            }
        }
        List<String> missed = missed();
        sb.append("### Targets missed\n\n");
        if (missed.isEmpty()) {
            sb.append("None.\n");
        } else {
            missed.forEach(m -> sb.append("- ").append(m).append('\n'));
        }
        return sb.toString();
    }

    /** Three significant digits, plain notation for everyday magnitudes. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (v == Math.rint(v) && a < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (a >= 1e9 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
