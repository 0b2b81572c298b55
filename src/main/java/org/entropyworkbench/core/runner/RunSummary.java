package org.entropyworkbench.core.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The end of a run session, for the CLI's final lines and the UI's status bar. Counts include
 * steps found in the file when the run resumed.
 *
 * @param status             completed, cancelled or failed
 * @param errorMessage       why it failed (names server, model or file), null otherwise
 * @param progress           final counts
 * @param stepsThisSession   question-steps this session made (the rest were already in the file)
 * @param questionsWithStep1 questions whose step 1 is recorded, as a step or as a failed step
 * @param step1Accuracy      share of those whose step 1 was graded correct (ungradable and failed count as not
 *                           correct); NaN when none
 * @param questionsFinished  questions with every planned step recorded
 * @param finalAccuracy      share of those (plus the failed questions, as not correct) whose last step was graded
 *                           correct; NaN when none
 * @param stoppedAfterStep1  finished questions that got only step 1 (gated: confident ones)
 * @param flagCounts         how many steps carry each integrity flag
 * @param output             the run file
 * @param questionsFailed    questions stopped by a failed step (the server refused it as too long for its
 *                           context), this session or found on resume; never counted as correct
 * @param servedModels       model names the servers reported when they differ from the one asked; empty when
 *                           every answer named the requested model (or none)
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
        Path output,
        int questionsFailed,
        Set<String> servedModels) {

    public RunSummary {
        flagCounts = flagCounts == null ? Map.of() : Map.copyOf(flagCounts);
        servedModels = servedModels == null ? Set.of() : Set.copyOf(servedModels);
    }

    /** A summary without failed questions or model-name differences. */
    public RunSummary(RunStatus status, String errorMessage, RunProgress progress, int stepsThisSession,
                      int questionsWithStep1, double step1Accuracy, int questionsFinished, double finalAccuracy,
                      int stoppedAfterStep1, Map<String, Integer> flagCounts, Path output) {
        this(status, errorMessage, progress, stepsThisSession, questionsWithStep1, step1Accuracy, questionsFinished,
                finalAccuracy, stoppedAfterStep1, flagCounts, output, 0, Set.of());
    }
}
