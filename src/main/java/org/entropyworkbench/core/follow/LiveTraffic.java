package org.entropyworkbench.core.follow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.StepSummary;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.entropyworkbench.core.signal.StepSignals;
import org.entropyworkbench.core.signal.StepTokenData;

/**
 * Accumulates the steps of a growing serve record ({@code ew serve --record}) into live statistics:
 * the step-1 signal of every request (computed by the workbench's own signal code, as the proxy did),
 * how many the gate stops at τ, and the tokens used against an estimate of always refining. A
 * request's steps may arrive over several polls; the first line of a request-step wins, as in the run
 * reader. Not thread-safe: the follower thread feeds it and takes snapshots.
 */
public final class LiveTraffic {

    private final Signal signal;
    private final int k;
    private final SignalSettings settings;
    private final Map<String, Request> requests = new LinkedHashMap<>();

    private static final class Request {
        double score = Double.NaN;
        boolean hasStep1;
        long step1Tokens;
        long refineTokens;
        boolean refined;
        final java.util.Set<Integer> steps = new java.util.HashSet<>();
    }

    /**
     * @param signal   the calibration's signal
     * @param k        top-k whose entropies give the signal
     * @param settings signal settings (DeepConf windows)
     */
    public LiveTraffic(Signal signal, int k, SignalSettings settings) {
        this.signal = signal;
        this.k = k;
        this.settings = settings;
    }

    /** Forgets everything (the file was truncated or replaced). */
    public void clear() {
        requests.clear();
    }

    /** Adds steps in file order. */
    public void add(List<StepRecord> steps) {
        for (StepRecord s : steps) {
            Request r = requests.computeIfAbsent(s.questionId(), id -> new Request());
            if (!r.steps.add(s.step())) {
                continue;
            }
            long tokens = Math.max(0, s.completionTokens());
            if (s.step() == 1) {
                r.hasStep1 = true;
                r.step1Tokens = tokens;
                r.score = score(s);
            } else {
                r.refined = true;
                r.refineTokens += tokens;
            }
        }
    }

    /** The signal of a step-1 record in its own units, NaN when it cannot be computed. */
    double score(StepRecord step1) {
        if (signal == Signal.MEAN_ENTROPY) {
            return StepSummary.of(step1).meanAll(k);
        }
        return StepSignals.value(signal, StepTokenData.of(step1, k), settings);
    }

    /** The statistics now, at τ (in the signal's own units; NaN: nothing stops). */
    public TrafficSnapshot snapshot(double tau) {
        int seen = 0;
        int withSignal = 0;
        int stops = 0;
        int refined = 0;
        long used = 0;
        long refineTokens = 0;
        int unrefined = 0;
        double[] scores = new double[requests.size()];
        for (Request r : requests.values()) {
            used += r.step1Tokens + r.refineTokens;
            if (!r.hasStep1) {
                continue;
            }
            seen++;
            if (!Double.isNaN(r.score)) {
                scores[withSignal++] = r.score;
                if (StepSignals.stops(signal, r.score, tau)) {
                    stops++;
                }
            }
            if (r.refined) {
                refined++;
                refineTokens += r.refineTokens;
            } else {
                unrefined++;
            }
        }
        double meanRefine = refined == 0 ? Double.NaN : (double) refineTokens / refined;
        double alwaysRefine = refined == 0 ? Double.NaN : used + unrefined * meanRefine;
        return new TrafficSnapshot(seen, withSignal, stops, refined, used, meanRefine, alwaysRefine,
                java.util.Arrays.copyOf(scores, withSignal));
    }
}
