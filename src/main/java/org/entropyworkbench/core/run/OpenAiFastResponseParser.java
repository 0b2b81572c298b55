package org.entropyworkbench.core.run;

import java.nio.charset.StandardCharsets;

import java.util.Arrays;
import java.util.Collections;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.token.Channel;

/**
 * The fast path for one import line: a hand-written reader over the line's bytes
 * ({@link ByteJsonCursor}) for the common shape of a chat completion (choices[0] with message,
 * finish_reason and logprobs.content[] of token/logprob/top_logprobs, usage, created, model, the
 * optional {@code "workbench"} object), producing the same {@link OpenAiResponse} as
 * {@link OpenAiResponseParser}'s Jackson path.
 *
 * <p>It only keeps lines it is certain about: a repeated key, a value of an unexpected type (a
 * number where text is expected, a string logprob), an API error, a missing or empty
 * {@code choices}, anything the Jackson path would report as a problem, and everything
 * {@link ByteJsonCursor} declines (bad JSON, unusual numbers, literals such as NaN) make it return
 * null; the caller then parses the line with Jackson, which gives the result or the message as
 * before. So this changes speed, never results or messages.
 *
 * <p>Not thread-safe (scratch arrays, token cache): one instance per importing thread.
 */
final class OpenAiFastResponseParser {

    private static final int[] KS = TopKEntropy.ABLATION_KS;

    private static final byte[] TOKEN_KEY = "\"token\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOGPROB_KEY = "\"logprob\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYTES_KEY = "\"bytes\"".getBytes(StandardCharsets.US_ASCII);

    private final ByteJsonCursor in = new ByteJsonCursor(new TokenTextCache());
    private final double[] entropies = new double[KS.length];
    private double[] altLogprobs = new double[32];
    private String[] altTokens = new String[32];
    private final boolean recordTop;

    /** @param recordTop whether each token's raw alternatives are kept in {@link OpenAiResponse#top} */
    OpenAiFastResponseParser(boolean recordTop) {
        this.recordTop = recordTop;
    }

    /** The response on this line, or null when the line must go to the Jackson path. */
    OpenAiResponse parse(byte[] bytes, int offset, int length, long lineNumber) {
        in.reset(bytes, offset, length);
        try {
            return readRoot(lineNumber);
        } catch (ByteJsonCursor.Decline | IllegalArgumentException e) {
            return null;
        }
    }

    private OpenAiResponse readRoot(long lineNumber) {
        OpenAiResponse r = new OpenAiResponse(recordTop);
        r.questionId = "line-" + lineNumber;
        r.step = 1;
        boolean choicesSeen = false;
        int seen = 0;
        long created = 0;
        boolean metaStartedAtKnown = false;
        long[] metaStartedAt = new long[1];
        if (in.openIsEmpty('{', '}')) {
            throw ByteJsonCursor.DECLINE;
        }
        do {
            String name = in.readString();
            in.expect(':');
            switch (name) {
                case "error" -> throw ByteJsonCursor.DECLINE;
                case "choices" -> {
                    seen = once(seen, 1);
                    readChoices(r);
                    choicesSeen = true;
                }
                case "model" -> {
                    seen = once(seen, 2);
                    r.model = in.readNullableString();
                }
                case "usage" -> {
                    seen = once(seen, 4);
                    readUsage(r);
                }
                case "created" -> {
                    seen = once(seen, 8);
                    created = in.readLong();
                }
                case OpenAiResponseImporter.METADATA_FIELD -> {
                    seen = once(seen, 16);
                    metaStartedAtKnown = readMetadata(r, metaStartedAt);
                }
                default -> in.skipValue();
            }
        } while (in.more('}'));
        if (!choicesSeen || !in.atEnd()) {
            throw ByteJsonCursor.DECLINE;
        }
        r.startedAt = metaStartedAtKnown ? metaStartedAt[0] : created * 1000;
        return r;
    }

    /** Marks a key of one object as read; a repeated key declines (Jackson keeps the later one). */
    private static int once(int seen, int bit) {
        if ((seen & bit) != 0) {
            throw ByteJsonCursor.DECLINE;
        }
        return seen | bit;
    }

    private void readUsage(OpenAiResponse r) {
        if (in.openIsEmpty('{', '}')) {
            return;
        }
        int seen = 0;
        do {
            String name = in.readString();
            in.expect(':');
            switch (name) {
                case "completion_tokens" -> {
                    seen = once(seen, 1);
                    r.completionTokens = in.readInt();
                }
                case "prompt_tokens" -> {
                    seen = once(seen, 2);
                    r.promptTokens = in.readInt();
                }
                default -> in.skipValue();
            }
        } while (in.more('}'));
    }

    private void readChoices(OpenAiResponse r) {
        if (in.openIsEmpty('[', ']')) {
            throw ByteJsonCursor.DECLINE;
        }
        readChoice(r);
        while (in.more(']')) {
            in.skipValue();
        }
    }

    private void readChoice(OpenAiResponse r) {
        if (in.openIsEmpty('{', '}')) {
            return;
        }
        int seen = 0;
        do {
            String name = in.readString();
            in.expect(':');
            switch (name) {
                case "message" -> {
                    seen = once(seen, 1);
                    readMessage(r);
                }
                case "finish_reason" -> {
                    seen = once(seen, 2);
                    r.finish = in.readNullableString();
                }
                case "logprobs" -> {
                    seen = once(seen, 4);
                    if (!in.tryNull()) {
                        readLogprobs(r);
                    }
                }
                default -> in.skipValue();
            }
        } while (in.more('}'));
    }

    private void readMessage(OpenAiResponse r) {
        if (in.openIsEmpty('{', '}')) {
            return;
        }
        int seen = 0;
        String reasoning = null;
        String reasoningContent = null;
        do {
            String name = in.readString();
            in.expect(':');
            switch (name) {
                case "content" -> {
                    seen = once(seen, 1);
                    r.text = in.readNullableString();
                }
                case "reasoning" -> {
                    seen = once(seen, 2);
                    reasoning = in.readNullableString();
                }
                case "reasoning_content" -> {
                    seen = once(seen, 4);
                    reasoningContent = in.readNullableString();
                }
                default -> in.skipValue();
            }
        } while (in.more('}'));
        r.reasoning = reasoning != null ? reasoning : reasoningContent;
    }

    /** The metadata object; returns whether it gave a usable startedAt (stored in {@code startedAt[0]}). */
    private boolean readMetadata(OpenAiResponse r, long[] startedAt) {
        if (in.tryNull()) {
            return false;
        }
        if (in.openIsEmpty('{', '}')) {
            return false;
        }
        int seen = 0;
        boolean startedAtKnown = false;
        do {
            String name = in.readString();
            in.expect(':');
            switch (name) {
                case "q" -> {
                    seen = once(seen, 1);
                    String q = textOrInteger();
                    if (q != null) {
                        r.questionId = q;
                    }
                }
                case "step" -> {
                    seen = once(seen, 2);
                    if (!in.tryNull()) {
                        int step = in.readInt();
                        if (step < 1) {
                            throw ByteJsonCursor.DECLINE;
                        }
                        r.step = step;
                    }
                }
                case "expected" -> {
                    seen = once(seen, 4);
                    r.expected = textOrInteger();
                }
                case "answerKind" -> {
                    seen = once(seen, 8);
                    String kind = in.readNullableString();
                    r.kind = kind == null ? null : AnswerKind.fromWireName(kind);
                }
                case "temperature" -> {
                    seen = once(seen, 16);
                    r.temperature = in.readNullableDouble();
                }
                case "maxTokens" -> {
                    seen = once(seen, 32);
                    r.maxTokens = in.tryNull() ? 0 : in.readInt();
                }
                case "promptHash" -> {
                    seen = once(seen, 64);
                    r.promptHash = in.readNullableString();
                }
                case "startedAt" -> {
                    seen = once(seen, 128);
                    if (!in.tryNull()) {
                        startedAt[0] = in.readLong();
                        startedAtKnown = true;
                    }
                }
                case "durationMs" -> {
                    seen = once(seen, 256);
                    r.durationMs = in.tryNull() ? 0 : in.readLong();
                }
                default -> in.skipValue();
            }
        } while (in.more('}'));
        return startedAtKnown;
    }

    private void readLogprobs(OpenAiResponse r) {
        if (in.openIsEmpty('{', '}')) {
            return;
        }
        boolean contentSeen = false;
        do {
            String name = in.readString();
            in.expect(':');
            if (!name.equals("content")) {
                in.skipValue();
                continue;
            }
            if (contentSeen) {
                throw ByteJsonCursor.DECLINE;
            }
            contentSeen = true;
            if (!in.tryNull()) {
                readContent(r);
            }
        } while (in.more('}'));
    }

    private void readContent(OpenAiResponse r) {
        if (in.openIsEmpty('[', ']')) {
            return;
        }
        r.hasLogprobs = true;
        do {
            readEntry(r);
        } while (in.more(']'));
    }

    /** One position: its alternatives become entropies at the closing brace. */
    private void readEntry(OpenAiResponse r) {
        String token = "";
        int count = 0;
        int seen = 0;
        if (!in.openIsEmpty('{', '}')) {
            do {
                String name = in.readString();
                in.expect(':');
                switch (name) {
                    case "token" -> {
                        seen = once(seen, 1);
                        token = orEmpty(in.readNullableString());
                    }
                    case "top_logprobs" -> {
                        seen = once(seen, 2);
                        count = in.tryNull() ? 0 : readAlternatives();
                    }
                    default -> in.skipValue();
                }
            } while (in.more('}'));
        }
        r.topK = Math.max(r.topK, count);
        double tail = TopKEntropy.forThisThread().compute(altLogprobs, altTokens, count, KS, entropies);
        r.entropy.add(entropies, tail, Channel.ANSWER, token);
        if (r.top != null) {
            r.top.add(new StepRecord.TopLogprobs(Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(altTokens, count))),
                    Arrays.copyOf(altLogprobs, count)));
        }
    }

    private int readAlternatives() {
        if (in.openIsEmpty('[', ']')) {
            return 0;
        }
        int count = 0;
        do {
            readAlternative(count++);
        } while (in.more(']'));
        return count;
    }

    private void readAlternative(int j) {
        if (j == altTokens.length) {
            altTokens = Arrays.copyOf(altTokens, j * 2);
            altLogprobs = Arrays.copyOf(altLogprobs, j * 2);
        }
        String token = "";
        double logprob = Double.NaN;
        int seen = 0;
        if (!in.openIsEmpty('{', '}')) {
            do {
                if (in.tryKey(TOKEN_KEY)) {
                    seen = once(seen, 1);
                    token = orEmpty(in.readNullableString());
                    continue;
                }
                if (in.tryKey(LOGPROB_KEY)) {
                    seen = once(seen, 2);
                    logprob = in.readNullableDouble();
                    continue;
                }
                if (in.tryKey(BYTES_KEY)) {
                    in.skipValue();
                    continue;
                }
                String name = in.readString();
                in.expect(':');
                switch (name) {
                    case "token" -> {
                        seen = once(seen, 1);
                        token = orEmpty(in.readNullableString());
                    }
                    case "logprob" -> {
                        seen = once(seen, 2);
                        logprob = in.readNullableDouble();
                    }
                    default -> in.skipValue();
                }
            } while (in.more('}'));
        }
        altTokens[j] = token;
        altLogprobs[j] = logprob;
    }

    /** A string, null, or an integer rendered as the Jackson path renders it; other values decline. */
    private String textOrInteger() {
        int c = in.peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            return Long.toString(in.readLong());
        }
        return in.readNullableString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
