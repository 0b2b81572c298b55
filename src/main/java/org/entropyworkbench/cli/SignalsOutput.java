package org.entropyworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalReport;
import org.entropyworkbench.core.stats.PercentileInterval;

/**
 * The "signals side by side" part of {@code analyze --signals}: parses the signal list and prints the
 * ranked reports as a text table or JSON. Main thread only.
 */
final class SignalsOutput {

    private SignalsOutput() {
    }

    /**
     * "all" or a comma-separated list of signal ids.
     *
     * @throws IllegalArgumentException naming the unknown id
     */
    static Set<Signal> parse(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Signal.class);
        }
        Set<Signal> out = EnumSet.noneOf(Signal.class);
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                out.add(Signal.fromId(id.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--signals needs 'all' or a comma-separated list of signal ids");
        }
        return out;
    }

    static void print(List<SignalReport> reports, int resamples, long seed, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Signals ranked by AUROC (correct vs incorrect at step 1)%s:%n", resamples > 0
                ? String.format(Locale.ROOT, "; [95 %% percentile bootstrap, %d resamples, seed %d]", resamples, seed)
                : "");
        String format = "%-22s %-17s %-22s %-15s %-22s %8s %8s%n";
        out.printf(Locale.ROOT, format, "Signal", "Direction", "AUROC", "AUPRC (base)", "Cohen's d", "p Welch", "p perm");
        for (SignalReport r : reports) {
            if (!r.available()) {
                continue;
            }
            out.printf(Locale.ROOT, format, r.signal().id(), r.signal().direction().label(),
                    withInterval(r.auroc(), r.aurocInterval(), 3),
                    Numbers.fixed(r.auprc(), 3) + " (" + Numbers.fixed(r.auprcBaseline(), 3) + ")",
                    withInterval(r.cohensD(), r.cohensDInterval(), 2), Numbers.pValue(r.welchP()),
                    Numbers.pValue(r.permutationP()));
        }
        out.println("Per rule: tau in the signal's units, token savings, Delta-Acc (points)"
                + (resamples > 0 ? ", each with its 95 % interval" : "") + ":");
        for (SignalReport r : reports) {
            if (!r.available()) {
                continue;
            }
            out.printf(Locale.ROOT, "  %s (%s, n = %d correct / %d incorrect)%s%n", r.signal().id(), r.signal().unit(),
                    r.nCorrect(), r.nIncorrect(), r.reason() == null ? "" : " note: " + r.reason());
            for (SignalReport.RuleReport rule : r.rules()) {
                if (!rule.available()) {
                    out.printf(Locale.ROOT, "    %-27s unavailable%n", rule.method().label());
                    continue;
                }
                out.printf(Locale.ROOT, "    %-27s tau %-24s savings %-22s Delta-Acc %s%n", rule.method().label(),
                        withInterval(rule.tau(), rule.tauInterval(), 4),
                        percentWithInterval(rule.tokenSavings(), rule.savingsInterval()),
                        pointsWithInterval(rule.deltaAccuracy(), rule.deltaInterval()));
            }
        }
        for (SignalReport r : reports) {
            if (!r.available()) {
                out.println("  unavailable: " + r.signal().id() + ": " + r.reason());
            }
        }
    }

    static ObjectNode json(List<SignalReport> reports, int resamples, long seed) {
        ObjectNode root = AnalysisJson.JSON.createObjectNode();
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("resamples", resamples);
        boot.put("seed", seed);
        boot.put("level", 0.95);
        boot.put("method", "percentile");
        ArrayNode list = root.putArray("ranking");
        for (SignalReport r : reports) {
            ObjectNode o = list.addObject();
            o.put("signal", r.signal().id());
            o.put("label", r.signal().label());
            o.put("unit", r.signal().unit());
            o.put("direction", r.signal().direction().label());
            o.put("available", r.available());
            o.put("reason", r.reason());
            if (!r.available()) {
                continue;
            }
            o.put("nCorrect", r.nCorrect());
            o.put("nIncorrect", r.nIncorrect());
            o.put("auroc", Numbers.jsonNumber(r.auroc()));
            interval(o, "aurocInterval", r.aurocInterval());
            o.put("auprc", Numbers.jsonNumber(r.auprc()));
            o.put("auprcBaseline", Numbers.jsonNumber(r.auprcBaseline()));
            o.put("cohensD", Numbers.jsonNumber(r.cohensD()));
            interval(o, "cohensDInterval", r.cohensDInterval());
            o.put("welchP", Numbers.jsonNumber(r.welchP()));
            o.put("permutationP", Numbers.jsonNumber(r.permutationP()));
            ArrayNode rules = o.putArray("rules");
            for (SignalReport.RuleReport rule : r.rules()) {
                ObjectNode ro = rules.addObject();
                ro.put("method", rule.method().id());
                ro.put("available", rule.available());
                ro.put("tau", Numbers.jsonNumber(rule.tau()));
                interval(ro, "tauInterval", rule.tauInterval());
                ro.put("tokenSavings", Numbers.jsonNumber(rule.tokenSavings()));
                interval(ro, "tokenSavingsInterval", rule.savingsInterval());
                ro.put("deltaAccuracyPoints", Numbers.jsonNumber(rule.deltaAccuracy()));
                interval(ro, "deltaAccuracyInterval", rule.deltaInterval());
            }
        }
        return root;
    }

    private static void interval(ObjectNode o, String name, PercentileInterval i) {
        if (!i.defined()) {
            o.putNull(name);
            return;
        }
        ArrayNode a = o.putArray(name);
        a.add(i.lower());
        a.add(i.upper());
    }

    private static String withInterval(double v, PercentileInterval i, int decimals) {
        String point = Numbers.fixed(v, decimals);
        return i.defined() ? point + " [" + Numbers.fixed(i.lower(), decimals) + ", " + Numbers.fixed(i.upper(), decimals) + "]"
                : point;
    }

    private static String percentWithInterval(double v, PercentileInterval i) {
        return i.defined() ? Numbers.percent(v) + " [" + Numbers.percent(i.lower()) + ", " + Numbers.percent(i.upper()) + "]"
                : Numbers.percent(v);
    }

    private static String pointsWithInterval(double v, PercentileInterval i) {
        return i.defined() ? Numbers.points(v) + " [" + Numbers.points(i.lower()) + ", " + Numbers.points(i.upper()) + "]"
                : Numbers.points(v);
    }
}
