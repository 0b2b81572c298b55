package org.entropyworkbench.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Pre-rendered OpenAI-format streaming chunks ({@code data: {...}\n\n}) with top-20 logprobs, so
 * the loopback server spends almost no CPU per token and the benchmark measures the client.
 *
 * <p>Immutable after construction; shared by all connection threads.
 */
final class SseChunks {

    static final int TOP_K = 20;
    private static final String[] WORDS = {
        " the", " sum", " of", " digits", " is", " so", " we", " get", " Let", " n", " =", " 12", " and",
        " therefore", " each", " term", " divides", " remainder", " modulo", " 7", " count", " pairs",
        " which", " gives", " total", " case", " Then", " check", " answer", " value", " +", " squared",
    };

    private final byte[][] tokenEvents;
    private final double[] tokenEntropyBits;
    private final byte[] answerEvent;
    private final byte[] finishEvent;
    private final String answerText;

    /**
     * @param variants how many distinct token chunks to pre-render
     * @param answer   the final answer, sent as the last token {@code \boxed{answer}}
     * @param seed     seed of the logprob shapes
     */
    SseChunks(int variants, String answer, long seed) {
        Random random = new Random(seed);
        tokenEvents = new byte[variants][];
        tokenEntropyBits = new double[variants];
        for (int v = 0; v < variants; v++) {
            String word = WORDS[v % WORDS.length];
            double[] lps = logprobs(random);
            tokenEntropyBits[v] = entropyBits(lps);
            tokenEvents[v] = event(tokenChunk(word, lps));
        }
        answerText = "\\boxed{" + answer + "}";
        answerEvent = event(tokenChunk(answerText, logprobs(random)));
        finishEvent = event("{\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
    }

    int variants() { return tokenEvents.length; }

    byte[] tokenEvent(int i) { return tokenEvents[i % tokenEvents.length]; }

    /** Entropy (bits, k = 20) of pre-rendered token {@code i}, for checks. */
    double tokenEntropy(int i) { return tokenEntropyBits[i % tokenEntropyBits.length]; }

    byte[] answerEvent() { return answerEvent; }

    byte[] finishEvent() { return finishEvent; }

    String answerText() { return answerText; }

    static byte[] usageEvent(int completionTokens) {
        return event("{\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench-model\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":64,\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (64 + completionTokens) + "}}");
    }

    static byte[] doneEvent() { return event("[DONE]"); }

    /** A chunk cut in the middle of its JSON: what a broken proxy or server bug produces. */
    static byte[] malformedEvent() {
        return event("{\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x");
    }

    private static byte[] event(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A peaked top-20 distribution most of the time, a flat-ish one at "forking" tokens. */
    private static double[] logprobs(Random random) {
        boolean fork = random.nextDouble() < 0.15;
        double[] lps = new double[TOP_K];
        double scale = fork ? 0.4 + random.nextDouble() : 3 + 4 * random.nextDouble();
        for (int i = 0; i < TOP_K; i++) {
            lps[i] = -scale * i - (i == 0 ? 0 : random.nextDouble());
        }
        double max = lps[0];
        double sum = 0;
        for (double lp : lps) {
            sum += Math.exp(lp - max);
        }
        double norm = max + Math.log(sum) + 0.01;
        for (int i = 0; i < TOP_K; i++) {
            lps[i] -= norm;
        }
        return lps;
    }

    private static double entropyBits(double[] lps) {
        double[] sorted = Arrays.copyOf(lps, lps.length);
        double sumW = 0;
        double sumWl = 0;
        for (double lp : sorted) {
            double s = lp - sorted[0];
            double w = Math.exp(s);
            sumW += w;
            sumWl += w * s;
        }
        return (Math.log(sumW) - sumWl / sumW) / Math.log(2);
    }

    private static String tokenChunk(String text, double[] lps) {
        String escaped = text.replace("\\", "\\\\");
        StringBuilder sb = new StringBuilder(1400);
        sb.append("{\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench-model\",")
                .append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(escaped).append("\"},")
                .append("\"logprobs\":{\"content\":[{\"token\":\"").append(escaped).append("\",\"logprob\":")
                .append(fmt(lps[0])).append(",\"bytes\":null,\"top_logprobs\":[");
        for (int i = 0; i < lps.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String alt = i == 0 ? escaped : "alt" + i;
            sb.append("{\"token\":\"").append(alt).append("\",\"logprob\":").append(fmt(lps[i])).append(",\"bytes\":null}");
        }
        sb.append("]}]},\"finish_reason\":null}]}");
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
