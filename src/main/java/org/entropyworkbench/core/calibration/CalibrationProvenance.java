package org.entropyworkbench.core.calibration;

/**
 * Where the numbers of a calibration came from, as the serving side saw it (filled by {@code ew serve};
 * the workbench leaves it null). Every field is nullable: null means not known. Immutable.
 *
 * @param model          model name as reported by the server (may differ from the name requested)
 * @param k              top-k logprobs the server returned
 * @param temperature    sampling temperature of step 1
 * @param serverKind     e.g. "llama.cpp", "vllm"
 * @param serverVersion  the server's own version string
 * @param logprobsTiming whether logprobs were taken before or after sampling filters
 * @param promptSetHash  SHA-256 hex of the prompt set used
 */
public record CalibrationProvenance(String model, Integer k, Double temperature, String serverKind,
                                    String serverVersion, LogprobsTiming logprobsTiming, String promptSetHash) {
}
