package org.entropyworkbench.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every signal on hand-computed cases, and against a slow obvious implementation on random steps. */
class StepSignalsTest {

    private static final SignalSettings SMALL_WINDOWS = new SignalSettings(20, 3, 2, 0.10);

    private static double value(Signal s, StepTokenData d) {
        return StepSignals.value(s, d, SMALL_WINDOWS);
    }

    @Test
    void entropySignalsOnAHandCase() {
        double[] e = {0.5, Double.NaN, 1.5, 3.0, 0.0};
        StepTokenData d = new StepTokenData(e, "RRRAA", null, null);
        assertThat(value(Signal.MEAN_ENTROPY, d)).isEqualTo(5.0 / 4);
        assertThat(value(Signal.MAX_ENTROPY, d)).isEqualTo(3.0);
        assertThat(value(Signal.REASONING_ENTROPY, d)).isEqualTo(1.0);
        assertThat(value(Signal.ANSWER_ENTROPY, d)).isEqualTo(1.5);
        assertThat(value(Signal.FIRST_64_ENTROPY, d)).as("fewer than 64 tokens: all of them").isEqualTo(5.0 / 4);
    }

    @Test
    void firstNTokensStopsAtN() {
        double[] e = new double[300];
        Arrays.fill(e, 0, 64, 0.25);
        Arrays.fill(e, 64, 300, 2.0);
        StepTokenData d = new StepTokenData(e, null, null, null);
        assertThat(value(Signal.FIRST_64_ENTROPY, d)).isEqualTo(0.25);
        assertThat(value(Signal.FIRST_256_ENTROPY, d)).isCloseTo((64 * 0.25 + 192 * 2.0) / 256, within(1e-15));
        assertThat(value(Signal.FIRST_1024_ENTROPY, d)).isCloseTo((64 * 0.25 + 236 * 2.0) / 300, within(1e-15));
    }

    @Test
    void deepConfSignalsOnAHandCase() {
        // usable confidences after dropping the NaN: 4, 1, 3, 5, 2, 6 ; windows of 3: 8/3, 3, 10/3, 13/3
        double[] conf = {4, 1, Double.NaN, 3, 5, 2, 6};
        double[] e = new double[conf.length];
        StepTokenData d = new StepTokenData(e, null, null, conf);
        assertThat(value(Signal.DEEPCONF_MEAN, d)).isEqualTo(21.0 / 6);
        assertThat(value(Signal.DEEPCONF_LOWEST_GROUP, d)).isCloseTo(8.0 / 3, within(1e-15));
        assertThat(value(Signal.DEEPCONF_BOTTOM_10, d)).as("ceil(0.1 x 4) = 1 group").isCloseTo(8.0 / 3, within(1e-15));
        assertThat(value(Signal.DEEPCONF_TAIL, d)).as("last 2 usable").isEqualTo(4.0);
        SignalSettings half = new SignalSettings(20, 3, 2, 0.5);
        assertThat(StepSignals.value(Signal.DEEPCONF_BOTTOM_10, d, half)).isCloseTo((8.0 / 3 + 3) / 2, within(1e-15));
        SignalSettings wide = new SignalSettings(20, 100, 100, 0.1);
        assertThat(StepSignals.value(Signal.DEEPCONF_LOWEST_GROUP, d, wide)).as("shorter than the window: one group")
                .isEqualTo(21.0 / 6);
    }

    @Test
    void meanNllIsMinusTheMeanChosenLogprob() {
        StepTokenData d = new StepTokenData(new double[3], null, new double[] {-0.5, Double.NaN, -1.5}, null);
        assertThat(value(Signal.MEAN_NLL, d)).isEqualTo(1.0);
    }

    @Test
    void missingDataGivesNaNAndAReason() {
        StepTokenData old = new StepTokenData(new double[] {0.5}, null, null, null);
        assertThat(value(Signal.MEAN_NLL, old)).isNaN();
        assertThat(StepSignals.unavailableReason(Signal.MEAN_NLL, old)).contains("\"lp\"").contains("1.1");
        assertThat(StepSignals.unavailableReason(Signal.DEEPCONF_TAIL, old)).contains("\"conf\"");
        assertThat(StepSignals.unavailableReason(Signal.REASONING_ENTROPY, old)).contains("channels");
        assertThat(StepSignals.unavailableReason(Signal.MEAN_ENTROPY, old)).isNull();
        StepTokenData noReasoning = new StepTokenData(new double[] {0.5}, "A", null, null);
        assertThat(value(Signal.REASONING_ENTROPY, noReasoning)).isNaN();
    }

    @Test
    void gateFlipsForHighIsConfidentSignals() {
        assertThat(StepSignals.stops(Signal.MEAN_ENTROPY, 0.5, 0.6)).isTrue();
        assertThat(StepSignals.stops(Signal.MEAN_ENTROPY, 0.7, 0.6)).isFalse();
        assertThat(StepSignals.stops(Signal.DEEPCONF_MEAN, 12.0, 10.0)).isTrue();
        assertThat(StepSignals.stops(Signal.DEEPCONF_MEAN, 8.0, 10.0)).isFalse();
        assertThat(StepSignals.stops(Signal.DEEPCONF_MEAN, 10.0, 10.0)).as("τ itself stops").isTrue();
        assertThat(StepSignals.stops(Signal.DEEPCONF_MEAN, Double.NaN, 10.0)).isFalse();
        StepTokenData d = new StepTokenData(new double[2], null, null, new double[] {10, 12});
        assertThat(StepSignals.gateScore(Signal.DEEPCONF_MEAN, d, SMALL_WINDOWS)).isEqualTo(-11.0);
    }

    @Test
    void fastPathAgreesWithTheObviousImplementation() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(trial < 50 ? 12 : 3000);
            double[] e = new double[n];
            double[] lp = new double[n];
            double[] conf = new double[n];
            StringBuilder ch = new StringBuilder();
            for (int i = 0; i < n; i++) {
                e[i] = r.nextDouble() < 0.05 ? Double.NaN : 4.3 * r.nextDouble() * r.nextDouble();
                lp[i] = r.nextDouble() < 0.05 ? Double.NaN : -8 * r.nextDouble() * r.nextDouble();
                conf[i] = r.nextDouble() < 0.05 ? Double.NaN : 20 * r.nextDouble();
                ch.append("RAC".charAt(r.nextInt(3)));
            }
            SignalSettings settings = new SignalSettings(20, 1 + r.nextInt(300), 1 + r.nextInt(500),
                    0.01 + 0.99 * r.nextDouble());
            StepTokenData d = new StepTokenData(e, ch.toString(), lp, conf);
            for (Signal s : Signal.values()) {
                double fast = StepSignals.value(s, d, settings);
                double slow = slow(s, e, ch.toString(), lp, conf, settings);
                if (Double.isNaN(slow)) {
                    assertThat(fast).as(s + " trial " + trial).isNaN();
                } else {
                    assertThat(fast).as(s + " trial " + trial).isCloseTo(slow, within(1e-12));
                }
            }
        }
    }

    /** Straight from the definitions in docs/signals.md: lists, loops, every window summed afresh. */
    private static double slow(Signal s, double[] e, String ch, double[] lp, double[] conf, SignalSettings set) {
        List<Double> picked = new ArrayList<>();
        switch (s) {
            case MEAN_ENTROPY, FIRST_64_ENTROPY, FIRST_256_ENTROPY, FIRST_1024_ENTROPY, MAX_ENTROPY -> {
                int limit = s.firstTokens() == 0 ? e.length : s.firstTokens();
                for (int i = 0; i < e.length && i < limit; i++) {
                    if (!Double.isNaN(e[i])) {
                        picked.add(e[i]);
                    }
                }
                if (s == Signal.MAX_ENTROPY) {
                    return picked.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                }
                return mean(picked);
            }
            case REASONING_ENTROPY, ANSWER_ENTROPY -> {
                char want = s == Signal.REASONING_ENTROPY ? 'R' : 'A';
                for (int i = 0; i < e.length; i++) {
                    if (!Double.isNaN(e[i]) && ch.charAt(i) == want) {
                        picked.add(e[i]);
                    }
                }
                return mean(picked);
            }
            case MEAN_NLL -> {
                for (double v : lp) {
                    if (!Double.isNaN(v)) {
                        picked.add(-v);
                    }
                }
                return mean(picked);
            }
            default -> {
                for (double v : conf) {
                    if (!Double.isNaN(v)) {
                        picked.add(v);
                    }
                }
                if (picked.isEmpty()) {
                    return Double.NaN;
                }
                if (s == Signal.DEEPCONF_MEAN) {
                    return mean(picked);
                }
                if (s == Signal.DEEPCONF_TAIL) {
                    return mean(picked.subList(Math.max(0, picked.size() - set.tailTokens()), picked.size()));
                }
                List<Double> groups = new ArrayList<>();
                int w = Math.min(set.groupWindow(), picked.size());
                for (int start = 0; start + w <= picked.size(); start++) {
                    groups.add(mean(picked.subList(start, start + w)));
                }
                groups.sort(Double::compare);
                if (s == Signal.DEEPCONF_LOWEST_GROUP) {
                    return groups.get(0);
                }
                int take = (int) Math.ceil(set.bottomFraction() * groups.size() - 1e-9);
                return mean(groups.subList(0, Math.max(1, take)));
            }
        }
    }

    private static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }
}
