package org.entropyworkbench.core.simulate;

import java.util.SplittableRandom;

/**
 * Plausible token texts for simulated reasoning: ordinary words of a worked solution for confident
 * positions, and the words where reasoning forks ("wait", "alternatively") for uncertain ones.
 * Constant data; thread-safe.
 */
final class SimulatedWords {

    private static final String[] STEADY = {
        " the", " of", " to", " we", " is", " a", " and", " so", " that", " this", " number", " sum",
        " each", " for", " in", " with", " value", " let", " be", " then", " which", " by", " are",
        " find", " need", " gives", " equals", " total", " case", " term", " side", " first", " second",
        " since", " both", " product", " root", " roots", " integer", " points", " angle", " triangle",
        " area", " length", " square", " modulo", " remainder", " divisible", " prime", " factor",
        " count", " ways", " probability", " expected", " answer", " equation", " function", " x", " y",
        " n", " k", " =", " +", " -", " *", " /", "^", "(", ")", ",", ".", ":", " 1", " 2", " 3", " 4",
        " 5", " 6", " 7", " 8", " 9", " 10", " 12", " 16", " 20", " 24", " 36", " 100", " compute",
        " check", " simplify", " substitute", " therefore", " hence", " now", " means", " must", " only",
        " possible", " positive", " distinct", " pairs", " sequence", " digits", " coefficient"
    };

    private static final String[] FORKING = {
        " wait", " but", " alternatively", " maybe", " actually", " hmm", " perhaps", " however",
        " or", " suppose", " consider", " check", " so", " then", " let", " is", " not", " instead",
        " hold", " another", " recall", " if", " could", " might", " try", " assume", " note", " thus",
        " first", " now", " also", " since"
    };

    private SimulatedWords() {
    }

    /** The sampled token of a position; {@code forking} positions draw from the forking words. */
    static String pick(boolean forking, SplittableRandom random) {
        String[] words = forking ? FORKING : STEADY;
        return words[random.nextInt(words.length)];
    }

    /**
     * Fills {@code out[1..count)} with distinct alternatives different from {@code out[0]}; both word
     * lists hold more than {@link TopKShape#K} distinct words, so every slot gets filled.
     */
    static void alternatives(boolean forking, SplittableRandom random, String[] out, int count) {
        String[] words = forking ? FORKING : STEADY;
        int start = random.nextInt(words.length);
        int j = 1;
        for (int i = 0; j < count && i < words.length; i++) {
            String w = words[(start + i) % words.length];
            if (!w.equals(out[0])) {
                out[j++] = w;
            }
        }
    }
}
