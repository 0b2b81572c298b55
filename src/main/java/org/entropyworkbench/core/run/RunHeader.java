package org.entropyworkbench.core.run;

import java.util.Map;

/**
 * First line of a run file ({@code "type":"header"}): what the run is and how it was made.
 * Never holds an API key or question text.
 *
 * @param formatVersion   run-format version, currently 1
 * @param runId           unique id of the run (stays the same when a run resumes)
 * @param createdAt       ISO-8601 instant
 * @param workbenchVersion version of the tool that wrote it
 * @param title           short label shown in the UI, e.g. "gpt-oss-20b / AIME 2025"
 * @param model           model name
 * @param server          preset and base URL, never a key
 * @param dataset         dataset name
 * @param datasetPath     path or null
 * @param answerKind      "integer", "multiple-choice" or "free"
 * @param mode            "full", "gated" or "budgeted"
 * @param steps           S, steps per question in full mode (4)
 * @param topK            top-k logprobs requested (20)
 * @param temperature     sampling temperature
 * @param maxTokensPerStep max tokens per step
 * @param reasoningEffort null when not used
 * @param prompts         prompt texts by name ("system", "step1", "refine") as used
 * @param simulated       true when made by the simulator rather than a model
 * @param generator       for simulated runs: seed and parameters; otherwise empty
 * @param calibration     for gated runs: method, tau and source file; otherwise empty
 * @param servedModel     the model name the server reported in the run's first answer, or null (simulated
 *                        runs, files of earlier versions, a server that names no model)
 */
public record RunHeader(
        int formatVersion,
        String runId,
        String createdAt,
        String workbenchVersion,
        String title,
        String model,
        String server,
        String dataset,
        String datasetPath,
        String answerKind,
        String mode,
        int steps,
        int topK,
        double temperature,
        int maxTokensPerStep,
        String reasoningEffort,
        Map<String, String> prompts,
        boolean simulated,
        Map<String, Object> generator,
        Map<String, Object> calibration,
        String servedModel) {

    public static final int FORMAT_VERSION = 1;
    /**
     * Minor version written into new headers (field {@code minor}); readers do not need it: 1.1 adds the
     * optional step fields {@code lp} and {@code conf} and 7-decimal entropies, whose presence is checked
     * per step (docs/run-format.md).
     */
    public static final int FORMAT_MINOR = 1;
    public static final String FORMAT_NAME = "entropy-workbench-run";

    /** A header without a served model name (simulated and imported runs, files of earlier versions). */
    public RunHeader(int formatVersion, String runId, String createdAt, String workbenchVersion, String title,
                     String model, String server, String dataset, String datasetPath, String answerKind, String mode,
                     int steps, int topK, double temperature, int maxTokensPerStep, String reasoningEffort,
                     Map<String, String> prompts, boolean simulated, Map<String, Object> generator,
                     Map<String, Object> calibration) {
        this(formatVersion, runId, createdAt, workbenchVersion, title, model, server, dataset, datasetPath, answerKind,
                mode, steps, topK, temperature, maxTokensPerStep, reasoningEffort, prompts, simulated, generator,
                calibration, null);
    }

    /** True when the server reported a model name other than the one the run asked for. */
    public boolean servedModelDiffers() {
        return StepRecord.servedModelDiffers(model, servedModel);
    }

    public RunHeader {
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
        generator = generator == null ? Map.of() : Map.copyOf(generator);
        calibration = calibration == null ? Map.of() : Map.copyOf(calibration);
    }
}
