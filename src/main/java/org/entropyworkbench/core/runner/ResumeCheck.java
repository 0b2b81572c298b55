package org.entropyworkbench.core.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Decides whether an existing run file can be continued with a configuration, and hands back its
 * steps grouped by question. Refuses (with a message naming the file and what differs) when the
 * header is of another run, when a question's steps have a gap, or when a recorded step was asked
 * with other messages than this configuration would send (prompts, question text or seed changed).
 */
final class ResumeCheck {

    private final RunFile file;
    private final RunConfig config;
    private final List<String> warnings = new ArrayList<>();

    ResumeCheck(RunFile file, RunConfig config) {
        this.file = file;
        this.config = config;
    }

    /** Warnings found by {@link #recordedSteps()} (ignored lines, changed sampling settings). */
    List<String> warnings() { return List.copyOf(warnings); }

    /** Verifies the header: model, dataset, answer kind, mode and S must match. */
    void verifyHeader() throws RunFailedException {
        RunHeader h = file.header();
        List<String> differences = new ArrayList<>();
        differ(differences, "model", h.model(), config.model());
        differ(differences, "dataset", h.dataset(), config.datasetName());
        differ(differences, "answer kind", h.answerKind(), config.answerKind().wireName());
        differ(differences, "mode", h.mode(), config.mode().wireName());
        differ(differences, "steps", String.valueOf(h.steps()), String.valueOf(config.steps()));
        if (!differences.isEmpty()) {
            throw new RunFailedException("cannot resume " + file.path() + ": it records a different run ("
                    + String.join("; ", differences) + "). Choose another output file, or resume with the"
                    + " settings the file was made with.");
        }
        if (h.topK() != config.topK()) {
            warnings.add(file.path() + " was recorded with top-k " + h.topK() + "; new steps use " + config.topK());
        }
        if (Double.compare(h.temperature(), config.temperature()) != 0) {
            warnings.add(file.path() + " was recorded at temperature " + h.temperature() + "; new steps use "
                    + config.temperature());
        }
        if (h.maxTokensPerStep() != config.maxTokensPerStep()) {
            warnings.add(file.path() + " was recorded with max " + h.maxTokensPerStep() + " tokens per step; new steps use "
                    + config.maxTokensPerStep());
        }
    }

    private static void differ(List<String> out, String field, String recorded, String now) {
        if (!Objects.equals(recorded, now)) {
            out.add(field + " is '" + recorded + "' in the file but '" + now + "' now");
        }
    }

    /**
     * The recorded steps of each question of the configuration, in step order 1..n, after checking
     * there is no gap and every step's prompt hash matches the messages this run would have sent.
     */
    Map<String, List<StepRecord>> recordedSteps() throws RunFailedException {
        for (RunFile.LineProblem p : file.problems()) {
            warnings.add("ignored: " + p.message());
        }
        if (file.partialTail()) {
            warnings.add(file.path() + " ends in a half-written line (an interrupted run); it is removed before appending");
        }
        Map<String, PreparedQuestion> byId = new HashMap<>();
        for (PreparedQuestion q : config.questions()) {
            byId.put(q.problem().id(), q);
        }
        Map<String, List<StepRecord>> grouped = new LinkedHashMap<>();
        int unknown = 0;
        for (StepRecord r : file.steps()) {
            if (!byId.containsKey(r.questionId())) {
                unknown++;
                continue;
            }
            grouped.computeIfAbsent(r.questionId(), k -> new ArrayList<>()).add(r);
        }
        if (unknown > 0) {
            warnings.add(file.path() + " has " + unknown + " step(s) of questions that are not in dataset '"
                    + config.datasetName() + "'; they stay in the file and are not continued");
        }
        for (Map.Entry<String, List<StepRecord>> e : grouped.entrySet()) {
            List<StepRecord> steps = e.getValue();
            steps.sort((a, b) -> Integer.compare(a.step(), b.step()));
            verifyQuestion(byId.get(e.getKey()), steps);
        }
        return grouped;
    }

    private void verifyQuestion(PreparedQuestion question, List<StepRecord> steps) throws RunFailedException {
        String id = question.problem().id();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepRecord r = steps.get(i);
            if (r.step() != i + 1) {
                throw new RunFailedException("cannot resume " + file.path() + ": question " + id + " has step "
                        + r.step() + " recorded but not step " + (i + 1) + " (was the file edited by hand?)");
            }
            Conversation c = Conversation.of(config.prompts(), question, answers);
            if (r.promptHash() != null && !r.promptHash().equals(c.promptHash())) {
                throw new RunFailedException("cannot resume " + file.path() + ": question " + id + " step " + r.step()
                        + " was asked with different messages than this run would send (prompt hash differs):"
                        + " the prompts, the question text or the run seed changed since it was recorded");
            }
            answers.add(r.text() == null ? "" : r.text());
        }
    }
}
