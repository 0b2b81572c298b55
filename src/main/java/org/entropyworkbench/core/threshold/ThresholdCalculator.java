package org.entropyworkbench.core.threshold;

import java.util.EnumMap;
import java.util.Map;
import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;

/**
 * The four closed-form threshold rules of method.md section 5, with every edge case of section 12
 * (items 10-12) turned into a defined result: a threshold, or "unavailable" with a reason, or a
 * threshold with a warning note.
 *
 * <ul>
 *   <li>Entropy mean: τ = μ_c; needs one correct example.</li>
 *   <li>Information-theoretic: τ = μ_c + σ_c ln(1 + |d|); needs d (2+ per class, non-zero pooled SD).</li>
 *   <li>Bayes optimal: root of a x² + b x + c = 0 between μ_c and μ_i ({@link BayesDetails});
 *       linear solution when |a| &lt; 1e-9; falls back to μ_c with a warning when there is no real
 *       root, no root between the means, or a class has zero variance.</li>
 *   <li>Scale-invariant universal: τ = μ_c + (√|d| / (1 + √|d|)) (μ_i - μ_c) max(0, 1 - σ_c/μ_c);
 *       equals μ_c when σ_c ≥ μ_c; goes below μ_c when μ_i &lt; μ_c (no clamp added). The coefficient of
 *       variation uses |μ_c|, so a high-is-confident signal negated into a gate score (core.signal) gets
 *       the mirror image of the rule in its own units; for entropies (μ_c ≥ 0) nothing changes.</li>
 * </ul>
 *
 * <p>Immutable, any thread.
 */
public final class ThresholdCalculator {

    /** Below this |a| the Bayes quadratic is treated as linear (method.md section 12, item 10). */
    public static final double LINEAR_EPSILON = 1e-9;

    private final boolean numbersInNotes;

    /** The calculator whose notes name the numbers behind a fallback (roots, discriminant). */
    public ThresholdCalculator() {
        this(true);
    }

    private ThresholdCalculator(boolean numbersInNotes) {
        this.numbersInNotes = numbersInNotes;
    }

    /**
     * For the bootstrap, which reads only the thresholds: the same τ, but fallback notes leave the numbers
     * out. Formatting them ({@code String.format}) was a quarter of the CPU time of comparing all signals
     * with 2,000 resamples (profile of 2026-12-07), for notes nobody reads.
     */
    public static ThresholdCalculator forResampling() {
        return new ThresholdCalculator(false);
    }

    /** Computes all four rules from step-1 entropies of correct and incorrect calibration answers. */
    public ThresholdSet compute(double[] correctH, double[] incorrectH, ThresholdOptions options) {
        return compute(Separation.of(correctH, incorrectH), options);
    }

    /** Computes all four rules from class statistics already at hand (e.g. {@link Separation#ofStatistics}). */
    public ThresholdSet compute(Separation sep, ThresholdOptions options) {
        Map<ThresholdMethod, ThresholdResult> results = new EnumMap<>(ThresholdMethod.class);
        results.put(ThresholdMethod.ENTROPY_MEAN, entropyMean(sep));
        results.put(ThresholdMethod.INFORMATION_THEORETIC, informationTheoretic(sep));
        results.put(ThresholdMethod.BAYES_OPTIMAL, bayesOptimal(sep, options.priors()));
        results.put(ThresholdMethod.SCALE_INVARIANT_UNIVERSAL, scaleInvariantUniversal(sep));
        return new ThresholdSet(results, sep, options);
    }

    private static ThresholdResult entropyMean(Separation sep) {
        ClassStatistics c = sep.correct();
        if (c.n() == 0) {
            return ThresholdResult.unavailable(ThresholdMethod.ENTROPY_MEAN,
                    "no correct calibration example: the entropy mean needs at least one");
        }
        return ThresholdResult.of(ThresholdMethod.ENTROPY_MEAN, c.mean(), null);
    }

    private static ThresholdResult informationTheoretic(Separation sep) {
        ThresholdMethod m = ThresholdMethod.INFORMATION_THEORETIC;
        if (!sep.defined()) {
            return ThresholdResult.unavailable(m, sep.note());
        }
        double d = Math.abs(sep.cohensD());
        double tau = sep.correct().mean() + sep.correct().sd() * Math.log(1.0 + d);
        return ThresholdResult.of(m, tau, signWarning(sep));
    }

    private static ThresholdResult scaleInvariantUniversal(Separation sep) {
        ThresholdMethod m = ThresholdMethod.SCALE_INVARIANT_UNIVERSAL;
        if (!sep.defined()) {
            return ThresholdResult.unavailable(m, sep.note());
        }
        double muC = sep.correct().mean();
        double sdC = sep.correct().sd();
        double muI = sep.incorrect().mean();
        double rootD = Math.sqrt(Math.abs(sep.cohensD()));
        double weight = rootD / (1.0 + rootD);
        String note;
        double factor;
        double size = Math.abs(muC);
        if (size == 0) {
            factor = 0;
            note = "μ_c is 0: the coefficient of variation is undefined, so τ equals the entropy mean";
        } else if (sdC >= size) {
            factor = 0;
            note = "σ_c ≥ μ_c (in size): the rule collapses to the entropy mean";
        } else {
            factor = 1.0 - sdC / size;
            note = muI < muC
                    ? "μ_i < μ_c: incorrect answers have lower entropy, so τ lies below the entropy mean"
                    : null;
        }
        return ThresholdResult.of(m, muC + weight * (muI - muC) * factor, note);
    }

    private ThresholdResult bayesOptimal(Separation sep, BayesPriors priors) {
        ThresholdMethod m = ThresholdMethod.BAYES_OPTIMAL;
        ClassStatistics cs = sep.correct();
        ClassStatistics is = sep.incorrect();
        if (cs.n() < 2 || is.n() < 2) {
            return ThresholdResult.unavailable(m, "needs at least 2 correct and 2 incorrect examples (have "
                    + cs.n() + " correct, " + is.n() + " incorrect)");
        }
        double piC = priors == BayesPriors.EQUAL ? 0.5 : (double) cs.n() / (cs.n() + is.n());
        double piI = 1.0 - piC;
        double muC = cs.mean();
        double muI = is.mean();
        if (cs.sd() == 0 || is.sd() == 0) {
            BayesDetails details = new BayesDetails(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    piC, piI, false, true);
            return fallback(muC, details, "a class has zero variance, so the Gaussian model is undefined");
        }
        double vC = cs.variance();
        double vI = is.variance();
        double a = 1.0 / vC - 1.0 / vI;
        double b = 2.0 * (muI / vI - muC / vC);
        double c = muC * muC / vC - muI * muI / vI - 2.0 * Math.log((piC * is.sd()) / (piI * cs.sd()));
        double lo = Math.min(muC, muI);
        double hi = Math.max(muC, muI);

        if (Math.abs(a) < LINEAR_EPSILON) {
            if (b == 0) {
                return fallback(muC, new BayesDetails(a, b, c, Double.NaN, Double.NaN, piC, piI, true, true),
                        "equal means and variances: no decision boundary");
            }
            double root = -c / b;
            if (root < lo || root > hi) {
                return fallback(muC, new BayesDetails(a, b, c, root, Double.NaN, piC, piI, true, true),
                        "the boundary" + number(root) + " is not between μ_c and μ_i");
            }
            return new ThresholdResult(m, root, true, "equal variances: linear solution",
                    new BayesDetails(a, b, c, root, Double.NaN, piC, piI, true, false));
        }

        double disc = b * b - 4.0 * a * c;
        if (disc < 0) {
            return fallback(muC, new BayesDetails(a, b, c, Double.NaN, Double.NaN, piC, piI, false, true),
                    "no real root (discriminant" + number(disc) + " < 0)");
        }
        double[] roots = quadraticRoots(a, b, c, disc);
        double root1 = roots[0];
        double root2 = roots[1];
        boolean in1 = root1 >= lo && root1 <= hi;
        boolean in2 = root2 >= lo && root2 <= hi;
        BayesDetails details = new BayesDetails(a, b, c, root1, root2, piC, piI, false, false);
        if (in1 && in2) {
            double mid = (lo + hi) / 2;
            double chosen = Math.abs(root1 - mid) <= Math.abs(root2 - mid) ? root1 : root2;
            return new ThresholdResult(m, chosen, true, "both roots lie between the means; took the one nearer the midpoint",
                    details);
        }
        if (in1 || in2) {
            return new ThresholdResult(m, in1 ? root1 : root2, true, signWarning(sep), details);
        }
        return fallback(muC, new BayesDetails(a, b, c, root1, root2, piC, piI, false, true),
                "no root between μ_c and μ_i" + (numbersInNotes ? " (roots" + number(root1) + " and" + number(root2) + ")" : ""));
    }

    /**
     * Both roots of a x² + b x + c with the cancellation-free formula (q = -(b + sign(b)√disc)/2,
     * roots q/a and c/q), ordered as root1 = (-b + √disc) / 2a, root2 = (-b - √disc) / 2a: for
     * a &gt; 0 root1 is the larger, for a &lt; 0 the smaller.
     */
    private static double[] quadraticRoots(double a, double b, double c, double disc) {
        double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
        double x = q / a;
        double y = q == 0 ? 0.0 : c / q;
        double larger = Math.max(x, y);
        double smaller = Math.min(x, y);
        return a > 0 ? new double[] {larger, smaller} : new double[] {smaller, larger};
    }

    private static ThresholdResult fallback(double muC, BayesDetails details, String why) {
        return new ThresholdResult(ThresholdMethod.BAYES_OPTIMAL, muC, true,
                "fell back to the entropy mean: " + why, details);
    }

    private static String signWarning(Separation sep) {
        return sep.cohensD() < 0
                ? "d < 0: incorrect answers have lower entropy than correct ones; the signal points the wrong way"
                : null;
    }

    /** " " and the number for a note, or nothing for a {@link #forResampling} calculator. */
    private String number(double x) {
        return numbersInNotes ? " " + String.format(java.util.Locale.ROOT, "%.5g", x) : "";
    }
}
