package org.entropyworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.threshold.ThresholdCalculator;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdOptions;
import org.entropyworkbench.core.threshold.ThresholdSet;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.core.tradeoff.QuestionOutcome;
import org.entropyworkbench.core.tradeoff.TradeoffEvaluator;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the analysis engine on 20,000 synthetic questions (issue 4, item 3), each next
 * to its naive baseline (an O(n) rescan per tau) so the report can give a ratio from the same run.
 * Run by {@code ./ew bench --only analysis} (through {@link JmhLauncher}) or by JMH directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class AnalysisBenchmarks {

    @Param("20000")
    public int questions;

    private List<QuestionOutcome> outcomes;
    private TradeoffEvaluator evaluator;
    private double[] taus;
    private int next;
    private double[] correctH;
    private double[] incorrectH;
    private final ThresholdCalculator calculator = new ThresholdCalculator();

    @Setup
    public void setUp() {
        outcomes = SyntheticOutcomes.generate(questions, 4, 42L);
        evaluator = new TradeoffEvaluator(outcomes);
        Random random = new Random(7);
        taus = new double[1024];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = 0.4 + random.nextDouble();
        }
        List<Double> c = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (QuestionOutcome q : outcomes) {
            (q.correctAtStep1() ? c : w).add(q.h1());
        }
        correctH = c.stream().mapToDouble(Double::doubleValue).toArray();
        incorrectH = w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One tau evaluation by binary search over prefix sums. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TradeoffPoint tauEvaluation() {
        return evaluator.evaluate(taus[next++ & 1023]);
    }

    /** Baseline: one tau evaluation by rescanning every question. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] tauEvaluationNaive() {
        return NaiveTradeoff.evaluate(outcomes, taus[next++ & 1023]);
    }

    /** What the analysis view computes: evaluator (sort + prefix sums), full curve, four rules, a point per rule. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void curveAndRules(Blackhole bh) {
        TradeoffEvaluator ev = new TradeoffEvaluator(outcomes);
        bh.consume(ev.curve());
        ThresholdSet set = calculator.compute(correctH, incorrectH, ThresholdOptions.defaults());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            bh.consume(ev.evaluate(set.tau(m)));
        }
    }

    /** Baseline: the same curve with a rescan per point (O(n^2)), plus the four rules. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void curveAndRulesNaive(Blackhole bh) {
        bh.consume(NaiveTradeoff.curveChecksum(outcomes));
        ThresholdSet set = calculator.compute(correctH, incorrectH, ThresholdOptions.defaults());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            bh.consume(NaiveTradeoff.evaluate(outcomes, set.tau(m)));
        }
    }

    /** 100 seeded few-shot draws of 10 examples, each rule evaluated on the held-out questions. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public FewShotCalibration.Result fewShot100Draws() {
        return FewShotCalibration.run(outcomes, 10, 100, 11L, ThresholdOptions.defaults());
    }

    /** Baseline: the same 100 draws with each rule evaluated by a rescan of all questions. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double fewShot100DrawsNaive() {
        Random random = new Random(11L);
        double sum = 0;
        int n = outcomes.size();
        for (int d = 0; d < 100; d++) {
            List<Double> c = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                QuestionOutcome q = outcomes.get(random.nextInt(n));
                (q.correctAtStep1() ? c : w).add(q.h1());
            }
            ThresholdSet set = calculator.compute(c.stream().mapToDouble(Double::doubleValue).toArray(),
                    w.stream().mapToDouble(Double::doubleValue).toArray(), ThresholdOptions.defaults());
            for (ThresholdMethod m : ThresholdMethod.values()) {
                sum += NaiveTradeoff.evaluate(outcomes, set.tau(m))[0];
            }
        }
        return sum;
    }
}
