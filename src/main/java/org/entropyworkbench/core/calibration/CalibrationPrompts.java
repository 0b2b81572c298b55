package org.entropyworkbench.core.calibration;

import java.util.Map;
import org.entropyworkbench.core.protocol.PromptSet;

/**
 * The prompt set the calibration run used, so a gate can replay the same refinement prompts
 * (taken from the run header's {@code prompts}). Immutable.
 *
 * @param system system message, may be empty
 * @param step1  step-1 user message template ({@code {question}} placeholder)
 * @param refine user message of steps 2..S
 * @param steps  S, steps per question in full mode
 */
public record CalibrationPrompts(String system, String step1, String refine, int steps) {

    public CalibrationPrompts {
        system = system == null ? "" : system;
        step1 = step1 == null ? "" : step1;
        refine = refine == null ? "" : refine;
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
    }

    /** From a run header's prompt map and step count; null when the header recorded no prompts. */
    public static CalibrationPrompts fromHeader(Map<String, String> prompts, int steps) {
        if (prompts == null || prompts.isEmpty() || steps < 1) {
            return null;
        }
        return new CalibrationPrompts(prompts.get("system"), prompts.get("step1"), prompts.get("refine"), steps);
    }

    /** As the protocol's prompt set, for a run engine. */
    public PromptSet toPromptSet() {
        return new PromptSet(system, step1, refine);
    }
}
