package org.entropyworkbench.core.calibration;

import java.util.Arrays;
import org.entropyworkbench.core.signal.SignalDirection;

/**
 * Every labelled question's step-1 score of a calibration's source run, by class, in the signal's own
 * units (sorted ascending): what a live view draws the traffic against, and the base of the expected
 * stop rate at τ. Optional in the file ({@code classDistribution}, written since this field exists);
 * older calibrations have none. Arrays are owned by the record; immutable by convention.
 *
 * @param correct   scores of the questions answered correctly at step 1
 * @param incorrect scores of the questions answered incorrectly at step 1
 */
public record ClassDistribution(double[] correct, double[] incorrect) {

    public ClassDistribution {
        correct = sorted(correct);
        incorrect = sorted(incorrect);
    }

    /** The distribution of these scores rounded to 7 decimals, as the file keeps them (and the run file keeps H). */
    public static ClassDistribution rounded(double[] correct, double[] incorrect) {
        return new ClassDistribution(round(correct), round(incorrect));
    }

    private static double[] round(double[] values) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(v[i] * 1e7) / 1e7;
        }
        return v;
    }

    private static double[] sorted(double[] values) {
        double[] v = values == null ? new double[0] : values.clone();
        Arrays.sort(v);
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassDistribution d && Arrays.equals(correct, d.correct)
                && Arrays.equals(incorrect, d.incorrect);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(correct) + Arrays.hashCode(incorrect);
    }

    @Override
    public String toString() {
        return "ClassDistribution[" + correct.length + " correct, " + incorrect.length + " incorrect]";
    }

    /** Labelled questions in the source run. */
    public int size() {
        return correct.length + incorrect.length;
    }

    /**
     * The fraction of the source run's labelled questions the gate would stop at τ (score ≤ τ for a
     * low-is-confident signal, ≥ τ for a high-is-confident one); NaN when τ is not finite or the
     * distribution is empty.
     */
    public double expectedStopRate(double tau, SignalDirection direction) {
        if (!Double.isFinite(tau) || size() == 0) {
            return Double.NaN;
        }
        return (double) (stopped(correct, tau, direction) + stopped(incorrect, tau, direction)) / size();
    }

    private static int stopped(double[] sortedValues, double tau, SignalDirection direction) {
        int atMost = upperBound(sortedValues, tau);
        if (direction == SignalDirection.LOW_IS_CONFIDENT) {
            return atMost;
        }
        return sortedValues.length - lowerBound(sortedValues, tau);
    }

    private static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
