package org.entropyworkbench.core.runner;

import java.nio.file.Path;
import java.util.Map;

/**
 * The end of a run session, for the CLI's final lines and the UI's status bar. Counts include
 * steps found in the file when the run resumed.
 *
 * @param status             completed, cancelled or failed
 * @param errorMessage       why it failed (names server, model or file), null otherwise
 * @param progress           final counts
 * @param stepsThisSession   question-steps this session made (the rest were already in the file)
 * @param questionsWithStep1 questions whose step 1 is recorded
 * @param step1Accuracy      share of those whose step 1 was graded correct (ungradable counts as not correct); NaN when none
 * @param questionsFinished  questions with every planned step recorded
 * @param finalAccuracy      share of those whose last step was graded correct; NaN when none
 * @param stoppedAfterStep1  finished questions that got only step 1 (gated: confident ones)
 * @param flagCounts         how many steps carry each integrity flag
 * @param output             the run file
 */
public record RunSummary(
        RunStatus status,
        String errorMessage,
        RunProgress progress,
        int stepsThisSession,
        int questionsWithStep1,
        double step1Accuracy,
        int questionsFinished,
        double finalAccuracy,
        int stoppedAfterStep1,
        Map<String, Integer> flagCounts,
        Path output) {

    public RunSummary {
        flagCounts = flagCounts == null ? Map.of() : Map.copyOf(flagCounts);
    }
}
