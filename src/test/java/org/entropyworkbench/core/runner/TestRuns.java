package org.entropyworkbench.core.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;

/** Shared fixtures of the engine tests: invented questions, prompts, a grader, config defaults. */
final class TestRuns {

    static final PromptSet PROMPTS = new PromptSet("You are careful.", "Solve: {question}", "Check your work and answer again.");
    static final String MODEL = "fake-model";

    private TestRuns() { }

    /** Questions "1".."n"; the fake answers ANSWER=id.length(), so expected "1" is right for ids 1..9. */
    static List<PreparedQuestion> questions(int n) {
        List<PreparedQuestion> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = String.valueOf(i);
            String expected = i % 3 == 0 ? "2" : "1";
            Problem p = new Problem(id, "What is " + i + "?", expected, List.of(), AnswerKind.FREE);
            out.add(new PreparedQuestion(p, "What is " + i + "?", expected, 0));
        }
        return out;
    }

    /** Grades the fake's "ANSWER=x" text; a text without it is ungradable. */
    static final StepGrader GRADER = (question, step, text) -> {
        int at = text.lastIndexOf("ANSWER=");
        if (at < 0) {
            return Grade.ungradable();
        }
        String got = text.substring(at + 7).trim();
        return new Grade(got, got.equals(question.expectedAnswer()));
    };

    static RunConfig.Builder config(Path output, int questions, Endpoint... endpoints) {
        return RunConfig.builder()
                .endpoints(List.of(endpoints))
                .questions(questions(questions))
                .dataset("invented", null, AnswerKind.FREE)
                .prompts(PROMPTS)
                .model(MODEL)
                .output(output)
                .grader(GRADER)
                .retryPolicy(new RetryPolicy(4, 1000, 8000, true, 120_000, 0));
    }

    static Endpoint endpoint(FakeChatProvider provider, int concurrency) {
        return new Endpoint(provider, concurrency, 0, provider.describe());
    }

    static RunFile read(Path file) throws IOException {
        return RunFileReader.read(file);
    }

    /** (question, step) -> text, failing on a duplicate. */
    static Map<String, String> textsByQuestionStep(RunFile file) {
        Map<String, String> m = new HashMap<>();
        for (StepRecord r : file.steps()) {
            String key = r.questionId() + "#" + r.step();
            if (m.put(key, r.text()) != null) {
                throw new AssertionError("duplicate " + key);
            }
        }
        return m;
    }
}
