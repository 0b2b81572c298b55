package org.entropyworkbench.core.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.IntegerAnswers;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.protocol.QuestionPreparer;

/**
 * The questions of a real dataset for the simulator to "answer", so that a simulated recording has
 * the dataset's question ids and expected answers (issue 3: run then analyze on the built-in
 * dataset through the replay provider). Expected answers are in graded form exactly as
 * {@code ew run} prepares them: the canonical integer, or the correct option's letter after the
 * option shuffle of {@code shuffleSeed} (the run's {@code --seed}). Immutable.
 *
 * @param name        dataset name for the run header
 * @param path        dataset file, or null for a built-in dataset
 * @param kind        integer or multiple choice (the simulator writes no free-text answers)
 * @param shuffleSeed run seed of the multiple-choice option shuffle
 * @param questions   the questions in dataset order
 */
public record DatasetQuestions(String name, String path, AnswerKind kind, long shuffleSeed, List<Question> questions) {

    /**
     * One question as the simulator needs it.
     *
     * @param id          the dataset's question id
     * @param expected    the expected answer in graded form
     * @param optionCount options of a multiple-choice question (0 otherwise)
     */
    public record Question(String id, String expected, int optionCount) {
    }

    public DatasetQuestions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " has no question to simulate");
        }
    }

    /**
     * The first {@code limit} questions of {@code dataset} (all when limit is 0 or more than it has).
     *
     * @throws IllegalArgumentException when the dataset's answers are free text, or an integer answer is not an integer
     */
    public static DatasetQuestions of(Dataset dataset, long shuffleSeed, int limit) {
        if (dataset.kind() == AnswerKind.FREE) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has free-text answers; the simulator"
                    + " answers integer or multiple-choice datasets only");
        }
        List<Problem> problems = dataset.problems();
        int n = limit <= 0 ? problems.size() : Math.min(limit, problems.size());
        List<Question> questions = new ArrayList<>(n);
        for (Problem p : problems.subList(0, n)) {
            PreparedQuestion prepared = QuestionPreparer.prepare(p, shuffleSeed);
            if (dataset.kind() == AnswerKind.INTEGER && IntegerAnswers.canonical(prepared.expectedAnswer()) == null) {
                throw new IllegalArgumentException("dataset " + dataset.name() + ", question " + p.id()
                        + ": answer '" + p.answer() + "' is not an integer from 0 to 999");
            }
            questions.add(new Question(p.id(), prepared.expectedAnswer(),
                    dataset.kind() == AnswerKind.MULTIPLE_CHOICE ? p.options().size() : 0));
        }
        return new DatasetQuestions(dataset.name(), dataset.source() == null ? null : dataset.source().toString(),
                dataset.kind(), shuffleSeed, questions);
    }
}
