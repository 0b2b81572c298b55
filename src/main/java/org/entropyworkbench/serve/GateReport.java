package org.entropyworkbench.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * What the gate did with one request: the {@code entropy_workbench} object of the reply and its
 * {@code X-Entropy-Workbench-*} headers. Immutable.
 *
 * @param mode             "gate" or "observe"
 * @param h                step-1 signal in bits, NaN when no logprobs came
 * @param gate             τ, rule, k
 * @param decision         what was done (gate) or would have been done (observe)
 * @param steps            upstream steps run for this request
 * @param completionTokensPerStep completion tokens of each step run
 * @param promptTokens     prompt tokens summed over steps (-1 when the server sent no usage)
 * @param completionTokens completion tokens summed over steps
 */
record GateReport(ServeMode mode, double h, EntropyGate gate, EntropyGate.Decision decision, int steps,
                  List<Integer> completionTokensPerStep, int promptTokens, int completionTokens) {

    static final String EXTENSION = "entropy_workbench";

    GateReport {
        completionTokensPerStep = List.copyOf(completionTokensPerStep);
    }

    ObjectNode toJson() {
        ObjectNode o = OpenAiJson.MAPPER.createObjectNode();
        o.put("mode", mode.id());
        o.put("signal", EntropyGate.SIGNAL);
        if (Double.isNaN(h)) {
            o.putNull("h");
        } else {
            o.put("h", h);
        }
        o.put("tau", gate.tau());
        o.put("rule", gate.rule());
        o.put("k", gate.k());
        o.put("decision", decision.id());
        o.put("steps", steps);
        ArrayNode per = o.putArray("completion_tokens_per_step");
        completionTokensPerStep.forEach(per::add);
        return o;
    }

    /** Header name and value pairs. */
    String[][] headers() {
        return new String[][] {
            {"X-Entropy-Workbench-Mode", mode.id()},
            {"X-Entropy-Workbench-Decision", decision.id()},
            {"X-Entropy-Workbench-H", Double.isNaN(h) ? "none" : String.format(Locale.ROOT, "%.6f", h)},
            {"X-Entropy-Workbench-Tau", String.format(Locale.ROOT, "%.6f", gate.tau())},
            {"X-Entropy-Workbench-Rule", gate.rule()},
            {"X-Entropy-Workbench-Steps", Integer.toString(steps)},
        };
    }
}
