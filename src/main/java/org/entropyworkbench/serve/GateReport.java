package org.entropyworkbench.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.signal.SignalDirection;

/**
 * What the gate did with one request: the {@code entropy_workbench} object of the reply and its
 * {@code X-Entropy-Workbench-*} headers. Immutable.
 *
 * @param mode             "gate" or "observe"
 * @param value            the gate signal's step-1 value in its own units, NaN when it could not be computed
 * @param h                step-1 mean token entropy in bits (the paper's H, reported whatever the signal; equal
 *                         to {@code value} for the default signal), NaN when no logprobs came
 * @param gate             τ, rule, k, signal
 * @param decision         what was done (gate) or would have been done (observe)
 * @param steps            upstream steps run for this request
 * @param completionTokensPerStep completion tokens of each step run
 * @param promptTokens     prompt tokens summed over steps (-1 when the server sent no usage)
 * @param completionTokens completion tokens summed over steps
 */
record GateReport(ServeMode mode, double value, double h, EntropyGate gate, EntropyGate.Decision decision, int steps,
                  List<Integer> completionTokensPerStep, int promptTokens, int completionTokens) {

    static final String EXTENSION = "entropy_workbench";

    GateReport {
        completionTokensPerStep = List.copyOf(completionTokensPerStep);
    }

    ObjectNode toJson() {
        ObjectNode o = OpenAiJson.MAPPER.createObjectNode();
        o.put("mode", mode.id());
        o.put("signal", gate.signalId());
        number(o, "value", value);
        o.put("unit", gate.signal().unit());
        o.put("direction", gate.signal().direction() == SignalDirection.HIGH_IS_CONFIDENT ? "high" : "low");
        number(o, "h", h);
        o.put("tau", gate.tau());
        o.put("rule", gate.rule());
        o.put("k", gate.k());
        o.put("decision", decision.id());
        o.put("steps", steps);
        ArrayNode per = o.putArray("completion_tokens_per_step");
        completionTokensPerStep.forEach(per::add);
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static String header(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Header name and value pairs. */
    String[][] headers() {
        return new String[][] {
            {"X-Entropy-Workbench-Mode", mode.id()},
            {"X-Entropy-Workbench-Decision", decision.id()},
            {"X-Entropy-Workbench-Signal", gate.signalId()},
            {"X-Entropy-Workbench-Value", header(value)},
            {"X-Entropy-Workbench-H", header(h)},
            {"X-Entropy-Workbench-Tau", String.format(Locale.ROOT, "%.6f", gate.tau())},
            {"X-Entropy-Workbench-Rule", gate.rule()},
            {"X-Entropy-Workbench-Steps", Integer.toString(steps)},
        };
    }
}
