package org.entropyworkbench.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * An entry of the Analysis screen's method selector: one of the four rules, or "custom" (the
 * user's own τ from the slider or the chart).
 *
 * @param method the rule, or null for custom
 */
public record MethodOption(ThresholdMethod method) {

    public static final MethodOption CUSTOM = new MethodOption(null);

    /** The four rules then custom. */
    public static List<MethodOption> all() {
        List<MethodOption> list = new ArrayList<>();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            list.add(new MethodOption(m));
        }
        list.add(CUSTOM);
        return List.copyOf(list);
    }

    public boolean isCustom() { return method == null; }

    @Override
    public String toString() { return method == null ? "Custom τ" : method.label(); }
}
