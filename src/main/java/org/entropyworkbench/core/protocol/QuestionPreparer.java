package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.IntegerAnswers;
import org.entropyworkbench.core.dataset.Problem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes a {@link Problem} ready for the protocol (method.md section 12, item 7). Multiple choice:
 * the options (stored correct-first) are shuffled with a seed derived from the run seed and the
 * question id, so the same run seed always gives the same order, questions get different orders,
 * and a resumed run sees the question exactly as before; the expected answer is the correct
 * option's letter after the shuffle. Integer: the expected answer is the canonical integer text.
 * Stateless; any thread.
 */
public final class QuestionPreparer {

    private QuestionPreparer() {
    }

    public static PreparedQuestion prepare(Problem problem, long runSeed) {
        if (problem.kind() != AnswerKind.MULTIPLE_CHOICE) {
            String expected = problem.answer();
            if (problem.kind() == AnswerKind.INTEGER) {
                String canonical = IntegerAnswers.canonical(expected);
                expected = canonical != null ? canonical : expected.strip();
            }
            return new PreparedQuestion(problem, problem.question(), expected, 0L);
        }
        if (problem.options().size() < 2 || problem.options().size() > 26) {
            throw new IllegalArgumentException("question \"" + problem.id() + "\" has " + problem.options().size()
                    + " options; multiple choice needs 2 to 26");
        }
        long seed = shuffleSeed(runSeed, problem.id());
        List<Integer> order = shuffledIndices(problem.options().size(), seed);
        StringBuilder text = new StringBuilder(problem.question().strip()).append("\n");
        String expected = null;
        for (int position = 0; position < order.size(); position++) {
            String letter = String.valueOf((char) ('A' + position));
            int original = order.get(position);
            text.append('\n').append(letter).append(") ").append(problem.options().get(original));
            if (original == 0) {
                expected = letter;
            }
        }
        return new PreparedQuestion(problem, text.toString(), expected, seed);
    }

    /** The recorded per-question seed: the first 8 bytes of SHA-256("runSeed:questionId"). */
    public static long shuffleSeed(long runSeed, String questionId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((runSeed + ":" + questionId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Fisher-Yates with {@link java.util.Random}, whose sequence is fixed by its specification, so
     * the order does not depend on the Java version: element i of the result is the original index
     * of the option shown at position i. The seed is scrambled first because Random's first draws
     * are correlated for nearby seeds.
     */
    static List<Integer> shuffledIndices(int count, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Random random = new Random(scramble(seed));
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        return order;
    }

    /** The 64-bit finaliser of SplitMix64: nearby inputs give unrelated outputs. */
    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
