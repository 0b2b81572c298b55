package org.entropyworkbench.core.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fast path for reading one {@code "type":"step"} line: a hand-written parser over the line's
 * bytes ({@link ByteJsonCursor}) that builds the same {@link StepRecord} as
 * {@link StepLineCodec#read} would, in a fraction of the time (no token objects, numbers parsed
 * straight from the bytes, repeated token texts shared, SUMMARY fields skipped without being
 * materialised).
 *
 * <p>It only handles lines it can read with certainty: for anything else (a header or other line
 * type, a field of the wrong shape, a failed length check, bad JSON, bad UTF-8, unusual numbers) it
 * returns null and the caller reads the line with the Jackson path, which then produces the step or
 * reports the problem with the file, line and field as before. So the fast path changes speed, never
 * results or messages.
 *
 * <p>Not thread-safe (scratch buffers, token cache): one instance per reading thread.
 */
final class FastStepLineReader {

    private final ByteJsonCursor in = new ByteJsonCursor(new TokenTextCache());
    private String[] texts = new String[64];

    /** The step on this line, or null when the line must go to the Jackson path. */
    StepRecord read(byte[] bytes, int start, int length, RunFileReader.Detail detail) {
        in.reset(bytes, start, length);
        try {
            return readStep(detail == RunFileReader.Detail.SUMMARY);
        } catch (ByteJsonCursor.Decline | FieldException e) {
            return null;
        }
    }

    private StepRecord readStep(boolean summary) {
        StepLineFields f = new StepLineFields();
        boolean typeSeen = false;

        if (in.openIsEmpty('{', '}')) {
            throw ByteJsonCursor.DECLINE;
        }
        do {
            String name = in.readString();
            in.expect(':');
            switch (name) {
                case "type":
                    if (typeSeen || !"step".equals(in.readString())) {
                        throw ByteJsonCursor.DECLINE;
                    }
                    typeSeen = true;
                    break;
                case "q": f.q = in.readNullableString(); break;
                case "step": f.step = in.readInt(); break;
                case "promptHash": f.promptHash = in.readNullableString(); break;
                case "model": f.model = in.readNullableString(); break;
                case "server": f.server = in.readNullableString(); break;
                case "servedModel": f.servedModel = in.readNullableString(); break;
                case "temperature": f.temperature = in.readNullableDouble(); break;
                case "maxTokens": f.maxTokens = in.readInt(); break;
                case "topK": f.topK = in.readInt(); break;
                case "text": f.text = stringOrSkip(summary); break;
                case "reasoning": f.reasoning = stringOrSkip(summary); break;
                case "extracted": f.extracted = in.readNullableString(); break;
                case "expected": f.expected = in.readNullableString(); break;
                case "correct": f.correct = in.readNullableBoolean(); break;
                case "promptTokens": f.promptTokens = in.readInt(); break;
                case "completionTokens": f.completionTokens = in.readInt(); break;
                case "finish": f.finish = in.readNullableString(); break;
                case "tokens":
                    if (summary) {
                        in.skipValue();
                    } else {
                        f.tokens = readStrings();
                    }
                    break;
                case "channels": f.channels = in.readNullableString(); break;
                case "entropy": f.entropy = readEntropy(); break;
                case "tail":
                    if (summary) {
                        in.skipNumberArray();
                    } else {
                        f.tail = readDoubles();
                    }
                    break;
                case "top":
                    if (summary) {
                        in.skipValue();
                    } else {
                        f.top = readTop();
                    }
                    break;
                case "lp": f.chosenLogprob = readDoubles(); break;
                case "conf": f.confidence = readDoubles(); break;
                case "flags":
                    f.flags = readStrings();
                    if (f.flags == null) {
                        f.flags = List.of();
                    } else if (f.flags.contains(null)) {
                        throw ByteJsonCursor.DECLINE;
                    }
                    break;
                case "startedAt": f.startedAt = in.readLong(); break;
                case "durationMs": f.durationMs = in.readLong(); break;
                default: in.skipValue(); break;
            }
        } while (in.more('}'));
        if (!typeSeen || !in.atEnd()) {
            throw ByteJsonCursor.DECLINE;
        }
        return f.toStep();
    }

    private String stringOrSkip(boolean summary) {
        if (in.tryNull()) {
            return null;
        }
        if (summary) {
            in.skipString();
            return null;
        }
        return in.readString();
    }

    /** An array of strings (null entries kept) or null. */
    private List<String> readStrings() {
        if (in.tryNull()) {
            return null;
        }
        if (in.openIsEmpty('[', ']')) {
            return new ArrayList<>(0);
        }
        int n = 0;
        String[] buf = texts;
        do {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
                texts = buf;
            }
            buf[n++] = in.readNullableString();
        } while (in.more(']'));
        return Arrays.asList(Arrays.copyOf(buf, n));
    }

    private Map<Integer, double[]> readEntropy() {
        Map<Integer, double[]> out = new TreeMap<>();
        if (in.openIsEmpty('{', '}')) {
            return out;
        }
        do {
            String key = in.readString();
            in.expect(':');
            int k;
            try {
                k = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw ByteJsonCursor.DECLINE;
            }
            if (k < 1) {
                throw ByteJsonCursor.DECLINE;
            }
            out.put(k, readDoubles());
        } while (in.more('}'));
        return out;
    }

    /** An array of numbers (nulls read as NaN). */
    private double[] readDoubles() {
        return in.readNumberArray();
    }

    private List<StepRecord.TopLogprobs> readTop() {
        if (in.tryNull()) {
            return null;
        }
        List<StepRecord.TopLogprobs> out = new ArrayList<>();
        if (in.openIsEmpty('[', ']')) {
            return out;
        }
        do {
            List<String> toks = List.of();
            double[] lps = new double[0];
            if (!in.openIsEmpty('{', '}')) {
                do {
                    String name = in.readString();
                    in.expect(':');
                    if (name.equals("t")) {
                        toks = readStrings();
                    } else if (name.equals("lp")) {
                        lps = readDoubles();
                    } else {
                        in.skipValue();
                    }
                } while (in.more('}'));
            }
            if (toks == null || toks.size() != lps.length) {
                throw ByteJsonCursor.DECLINE;
            }
            out.add(new StepRecord.TopLogprobs(toks, lps));
        } while (in.more(']'));
        return out;
    }
}
