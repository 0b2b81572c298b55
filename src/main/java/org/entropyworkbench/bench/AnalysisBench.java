package org.entropyworkbench.bench;

import java.util.Map;

/**
 * Issue 4 item 3: the JMH benchmarks of {@link AnalysisBenchmarks} (20,000 questions), each with
 * its naive O(n)-rescan baseline from the same JMH run.
 */
public final class AnalysisBench implements BenchSection {

    static final String SECTION = "Analysis (JMH, 20,000 questions)";

    @Override
    public String id() { return "analysis"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        context.progress("analysis", "JMH in a forked JVM (" + (context.quick() ? "quick" : "full") + " iterations)");
        Map<String, JmhLauncher.Score> s = new java.util.HashMap<>(JmhLauncher.run(AnalysisBenchmarks.class,
                "tauEvaluation|tauEvaluationNaive|curveAndRules|fewShot100Draws|fewShot100DrawsNaive", context.quick()));
        context.progress("analysis", "naive curve baseline (O(n^2), seconds per call): single-shot");
        s.putAll(JmhLauncher.runSingleShot(AnalysisBenchmarks.class, "curveAndRulesNaive", context.quick() ? 0 : 1,
                context.quick() ? 1 : 3));
        JmhLauncher.Score tau = s.get("tauEvaluation");
        JmhLauncher.Score tauNaive = s.get("tauEvaluationNaive");
        JmhLauncher.Score curve = s.get("curveAndRules");
        JmhLauncher.Score curveNaive = s.get("curveAndRulesNaive");
        JmhLauncher.Score few = s.get("fewShot100Draws");
        JmhLauncher.Score fewNaive = s.get("fewShot100DrawsNaive");
        report.compared(SECTION, "one tau evaluation (binary search on prefix sums)", tau.score(), tau.unit(),
                "O(n) rescan", tauNaive.score());
        report.compared(SECTION, "full savings/accuracy curve + all four rules", curve.score(), curve.unit(),
                "rescan per tau (single shot)", curveNaive.score());
        report.target(SECTION, "100 seeded few-shot draws (n = 10), each rule evaluated", few.score(), few.unit(),
                "rescan per rule and draw", fewNaive.score(), "< 1 s", few.score() < 1000);
        report.note(SECTION, String.format(java.util.Locale.ROOT,
                "JMH average time, 1 fork; 99.9%% error: tau %s, curve %s, few-shot %s (same units; n/a with too few iterations). "
                        + "Ratio < 1 = faster than the baseline. The curve benchmark includes building the evaluator (sort + prefix sums). "
                        + "The few-shot baseline draws with replacement and evaluates each rule on all questions (not only the held-out ones).",
                BenchReport.format(tau.error()), BenchReport.format(curve.error()), BenchReport.format(few.error())));
    }
}
