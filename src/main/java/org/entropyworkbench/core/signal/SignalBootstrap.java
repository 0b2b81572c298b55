package org.entropyworkbench.core.signal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.entropyworkbench.core.threshold.ThresholdOptions;

/**
 * Seeded nonparametric bootstrap over the questions of a {@link SignalSample}: each resample draws n
 * questions with replacement and yields AUROC, Cohen's d and each rule's τ, token savings and Δ-Acc.
 * The draws come from {@link ResampleDraws}: a seed always gives the same resamples, resample b holds the
 * same questions under every signal of a run (so all signals are evaluated on one draw, and a signal's
 * intervals are the same whether it is bootstrapped alone or with the others), and the fast and the naive
 * path see exactly the same resamples. Also the label-permutation test. Stateless apart from its inputs;
 * {@link #resampleTogether} spreads blocks of resamples over the common fork-join pool.
 */
public final class SignalBootstrap {

    /** The default: 2,000 resamples. */
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20251009L;
    public static final double LEVEL = 0.95;

    /** One signal's sample to bootstrap, with its direction and the rules' options. */
    public record Target(SignalSample sample, SignalDirection direction, ThresholdOptions options) {
    }

    private SignalBootstrap() {
    }

    /**
     * All resamples, fast path: {@code result[statistic][resample]} in the {@link ResampleStatistic} layout.
     * NaN where a statistic is undefined in a resample (e.g. no incorrect answer drawn).
     */
    public static double[][] resample(SignalSample sample, SignalDirection direction, ThresholdOptions options,
                                      int resamples, long seed) {
        return resampleTogether(List.of(new Target(sample, direction, options)), resamples, seed).get(0);
    }

    /**
     * As {@link #resample} for several signals of one run at once, {@code result.get(t)[statistic][resample]}:
     * each resample is drawn once and every target is evaluated on it (one linear pass each). Blocks of
     * resamples run in parallel; the result does not depend on the scheduling.
     */
    public static List<double[][]> resampleTogether(List<Target> targets, int resamples, long seed) {
        ResampleDraws draws = new ResampleDraws(seed, resamples);
        int count = targets.size();
        double[][][] out = new double[count][ResampleStatistic.COUNT][draws.resamples()];
        int[] sizes = targets.stream().mapToInt(t -> t.sample().size()).distinct().sorted().toArray();
        WeightedResampleKernel[] kernels = new WeightedResampleKernel[count];
        int[] sizeSlot = new int[count];
        for (int t = 0; t < count; t++) {
            Target target = targets.get(t);
            kernels[t] = new WeightedResampleKernel(target.sample(), target.direction(), target.options());
            sizeSlot[t] = Arrays.binarySearch(sizes, target.sample().size());
        }
        int largest = sizes.length == 0 ? 0 : sizes[sizes.length - 1];
        IntStream.range(0, draws.blocks()).parallel().forEach(block -> {
            WeightedResampleKernel.Scratch scratch = new WeightedResampleKernel.Scratch(largest);
            SplittableRandom[] random = new SplittableRandom[sizes.length];
            int[][] counts = new int[sizes.length][];
            for (int z = 0; z < sizes.length; z++) {
                random[z] = draws.generator(block, sizes[z]);
                counts[z] = new int[sizes[z]];
            }
            double[] one = new double[ResampleStatistic.COUNT];
            for (int b = draws.firstResample(block); b < draws.endResample(block); b++) {
                for (int z = 0; z < sizes.length; z++) {
                    int n = sizes[z];
                    int[] c = counts[z];
                    Arrays.fill(c, 0);
                    SplittableRandom r = random[z];
                    for (int j = 0; j < n; j++) {
                        c[r.nextInt(n)]++;
                    }
                }
                for (int t = 0; t < count; t++) {
                    kernels[t].evaluate(counts[sizeSlot[t]], scratch, one);
                    double[][] o = out[t];
                    for (int k = 0; k < one.length; k++) {
                        o[k][b] = one[k];
                    }
                }
            }
        });
        return List.of(out);
    }

    /** As {@link #resample} by naive recomputation of every resample (the benchmark baseline and test oracle). */
    public static double[][] resampleNaively(SignalSample sample, SignalDirection direction, ThresholdOptions options,
                                             int resamples, long seed) {
        NaiveResample naive = new NaiveResample(sample, direction, options);
        ResampleDraws draws = new ResampleDraws(seed, resamples);
        int n = sample.size();
        int[] positionOfRank = new int[n];
        for (int q = 0; q < n; q++) {
            positionOfRank[sample.rankOfPosition[q]] = q;
        }
        double[][] out = new double[ResampleStatistic.COUNT][draws.resamples()];
        double[] one = new double[ResampleStatistic.COUNT];
        int[] drawn = new int[n];
        for (int block = 0; block < draws.blocks(); block++) {
            SplittableRandom random = draws.generator(block, n);
            for (int b = draws.firstResample(block); b < draws.endResample(block); b++) {
                for (int j = 0; j < n; j++) {
                    drawn[j] = positionOfRank[random.nextInt(n)];
                }
                naive.evaluate(drawn, one);
                for (int t = 0; t < one.length; t++) {
                    out[t][b] = one[t];
                }
            }
        }
        return out;
    }

    /**
     * Two-sided permutation test of the difference of class means of the labelled questions: the share of
     * label shuffles (plus the observed labelling) whose |μ_i − μ_c| is at least the observed one,
     * (1 + hits) / (1 + permutations). Each shuffle draws only the smaller class (a partial Fisher-Yates);
     * the other class is the rest. NaN when a class is empty or {@code permutations} is 0.
     */
    public static double permutationP(SignalSample sample, int permutations, long seed) {
        int labelled = 0;
        int correct = 0;
        double total = 0;
        for (int q = 0; q < sample.size; q++) {
            if (sample.labelled[q]) {
                labelled++;
                total += sample.score[q];
                if (sample.correct[q]) {
                    correct++;
                }
            }
        }
        int incorrect = labelled - correct;
        if (correct == 0 || incorrect == 0 || permutations <= 0) {
            return Double.NaN;
        }
        double[] x = new double[labelled];
        double observedCorrectSum = 0;
        int j = 0;
        for (int q = 0; q < sample.size; q++) {
            if (sample.labelled[q]) {
                x[j++] = sample.score[q];
                if (sample.correct[q]) {
                    observedCorrectSum += sample.score[q];
                }
            }
        }
        double observed = meanGap(observedCorrectSum, total, correct, incorrect);
        double bar = observed * (1 - 1e-12);
        SplittableRandom random = new SplittableRandom(seed);
        int hits = 0;
        int drawn = Math.min(correct, incorrect);
        for (int p = 0; p < permutations; p++) {
            double sum = 0;
            for (int a = 0; a < drawn; a++) {
                int pick = a + random.nextInt(labelled - a);
                double t = x[pick];
                x[pick] = x[a];
                x[a] = t;
                sum += t;
            }
            double correctSum = drawn == correct ? sum : total - sum;
            if (meanGap(correctSum, total, correct, incorrect) >= bar) {
                hits++;
            }
        }
        return (1.0 + hits) / (1.0 + permutations);
    }

    private static double meanGap(double correctSum, double total, int correct, int incorrect) {
        return Math.abs((total - correctSum) / incorrect - correctSum / correct);
    }
}
