package org.entropyworkbench.core.runner;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.token.Channel;

/**
 * Integrity and quality flags of one step (docs/run-format.md, "Integrity") and the completion
 * token count the record carries. Pure functions; any thread.
 */
final class StepIntegrity {

    static final String RESTARTED = "restarted";
    static final String NO_USAGE = "no-usage";
    static final String TOKEN_COUNT_MISMATCH = "token-count-mismatch";
    static final String LENGTH = "length";
    static final String MISSING_LOGPROBS = "missing-logprobs";
    /** The token records are a sample of the completion (simulated runs and their replays). */
    static final String SAMPLED_TOKENS = "sampled-tokens";

    private StepIntegrity() { }

    /** The count to record: the server's usage, or the number of token records when it sent none. */
    static int completionTokens(int usageCompletionTokens, int tokenRecords) {
        return usageCompletionTokens < 0 ? tokenRecords : usageCompletionTokens;
    }

    /**
     * @param usageCompletionTokens usage.completion_tokens, negative when the server sent no usage
     * @param channels              one code per token record
     * @param missingLogprobs       token records without any usable logprob
     * @param finishReason          the server's finish reason, may be null
     * @param restarted             the step was started again after a broken stream or a timeout
     * @param carried               flags inherited from the source of a replay (kept first, no duplicates)
     */
    static List<String> flags(int usageCompletionTokens, String channels, int missingLogprobs,
                              String finishReason, boolean restarted, List<String> carried) {
        List<String> flags = new ArrayList<>(carried);
        if (restarted) {
            flags.add(RESTARTED);
        }
        int n = channels.length();
        if (usageCompletionTokens < 0) {
            flags.add(NO_USAGE);
        } else if (!carried.contains(SAMPLED_TOKENS)) {
            long control = channels.chars().filter(c -> c == Channel.CONTROL.code()).count();
            if (Math.abs((long) usageCompletionTokens - n) > control) {
                flags.add(TOKEN_COUNT_MISMATCH);
            }
        }
        if (missingLogprobs > 0) {
            flags.add(MISSING_LOGPROBS);
        }
        if ("length".equals(finishReason)) {
            flags.add(LENGTH);
        }
        return flags.stream().distinct().toList();
    }
}
