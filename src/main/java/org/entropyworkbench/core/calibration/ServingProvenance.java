package org.entropyworkbench.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entropyworkbench.core.protocol.PromptHash;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.run.RunHeader;

/**
 * Builds and compares {@link CalibrationProvenance}: what makes a τ portable. A calibration records
 * the model, k, temperature, server kind, whether the server's logprobs are taken before or after
 * sampling (where its documentation says so, docs/apis.md) and the prompt set's hash; a gate in
 * front of a live server ({@code ew serve}, a gated {@code ew run}) compares them with what it will
 * use and refuses, or warns when allowed, on a mismatch of model, k or temperature. Stateless.
 */
public final class ServingProvenance {
    private ServingProvenance() {
    }

    /** Header key ({@code generator} object) of the server version a live run's probe read. */
    public static final String SERVER_VERSION_KEY = "serverVersion";
    /** Header key ({@code calibration} object) of the upstream's version in an {@code ew serve} record. */
    public static final String UPSTREAM_VERSION_KEY = "upstreamVersion";

    /** Provenance of a calibration made from a run: what the run header says about its calls. */
    public static CalibrationProvenance fromRun(RunHeader h, int k) {
        ServerPreset preset = presetOf(h.server());
        return new CalibrationProvenance(h.model(), k, h.temperature(), preset == null ? null : preset.id(), serverVersion(h),
                logprobsTiming(preset), promptSetHash(h.prompts().get("system"), h.prompts().get("step1"),
                        h.prompts().get("refine")));
    }

    /**
     * The server version a run's header records: {@code generator.serverVersion} (written by {@code ew run}
     * from its probe) or {@code calibration.upstreamVersion} (an {@code ew serve} record); null when neither.
     */
    public static String serverVersion(RunHeader h) {
        Object v = h.generator().get(SERVER_VERSION_KEY);
        if (v == null) {
            v = h.calibration().get(UPSTREAM_VERSION_KEY);
        }
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    /**
     * Whether a preset's server documents its logprobs as taken before or after sampling, for the
     * requests the workbench sends (it never asks for post-sampling values): vLLM's default
     * {@code raw_logprobs} and llama.cpp's OpenAI-compatible logprobs are before sampling; the rest
     * do not say.
     */
    public static LogprobsTiming logprobsTiming(ServerPreset preset) {
        if (preset == ServerPreset.VLLM || preset == ServerPreset.LLAMA_CPP) {
            return LogprobsTiming.BEFORE_SAMPLING;
        }
        return LogprobsTiming.UNKNOWN;
    }

    /** SHA-256 of the prompt set, framed like a conversation hash; null when no prompt is known. */
    public static String promptSetHash(String system, String step1, String refine) {
        if (system == null && step1 == null && refine == null) {
            return null;
        }
        return PromptHash.of(List.of(ChatMessage.system(system == null ? "" : system),
                ChatMessage.user(step1 == null ? "" : step1), ChatMessage.user(refine == null ? "" : refine)));
    }

    /** The preset named by the first word of a run's {@code server} label ("vllm http://..."), or null. */
    public static ServerPreset presetOf(String serverLabel) {
        if (serverLabel == null || serverLabel.isBlank()) {
            return null;
        }
        String id = serverLabel.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        for (ServerPreset p : ServerPreset.values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Differences that make τ invalid for the planned calls: model, k, temperature. A field the
     * calibration does not record is not compared. Each entry is one sentence for the user.
     *
     * @param calibration  the file
     * @param model        model the gate will call
     * @param k            top-k the gate will request (or the most the server allows, when smaller)
     * @param temperature  temperature the gate will use
     */
    public static List<String> mismatches(CalibrationFile calibration, String model, int k, double temperature) {
        List<String> out = new ArrayList<>();
        CalibrationProvenance p = calibration.provenance();
        String calModel = p != null && p.model() != null ? p.model() : calibration.model();
        if (calModel != null && model != null && !calModel.equals(model)) {
            out.add("model: calibrated on '" + calModel + "', the gate would call '" + model + "'");
        }
        int calK = p != null && p.k() != null ? p.k() : calibration.k();
        if (calK != k) {
            out.add("k: calibrated with top-" + calK + " logprobs, the gate would get top-" + k);
        }
        if (p != null && p.temperature() != null && Math.abs(p.temperature() - temperature) > 1e-9) {
            out.add(String.format(Locale.ROOT, "temperature: calibrated at %s, the gate would sample at %s",
                    trim(p.temperature()), trim(temperature)));
        }
        return out;
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
