package org.entropyworkbench.core.threshold;

/**
 * The working of the Bayes-optimal rule, shown in the UI so a user can check it: the quadratic
 * a x² + b x + c = 0 whose root is the decision boundary between the two Gaussian classes.
 *
 * @param a              1/σ_c² - 1/σ_i² (NaN when a class has no usable variance)
 * @param b              2 (μ_i/σ_i² - μ_c/σ_c²)
 * @param c              μ_c²/σ_c² - μ_i²/σ_i² - 2 ln(π_c σ_i / (π_i σ_c))
 * @param root1          (-b + sqrt(b² - 4ac)) / 2a; in the linear case (|a| &lt; 1e-9) the only root -c/b;
 *                       NaN when there is no real root
 * @param root2          (-b - sqrt(b² - 4ac)) / 2a; NaN in the linear case or without a real root
 * @param priorCorrect   π_c
 * @param priorIncorrect π_i
 * @param linear         true when |a| &lt; 1e-9 and the linear solution was used
 * @param fallback       true when no usable root existed and τ fell back to the entropy mean
 */
public record BayesDetails(
        double a,
        double b,
        double c,
        double root1,
        double root2,
        double priorCorrect,
        double priorIncorrect,
        boolean linear,
        boolean fallback) {
}
