package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a {@link StepRecord} to and from one {@code "type":"step"} line of a run file, field
 * names as in docs/run-format.md. Streaming Jackson both ways: number arrays are parsed straight into
 * {@code double[]} (no boxing, no tree), because ingest speed of big runs matters.
 *
 * <p>Numbers: entropies, chosen-token logprobs ({@code lp}) and token confidences ({@code conf}) are
 * rounded to 7 decimals (format 1.1; 1.0 files have 4), tail masses to 4, top-k logprobs to 5, trailing
 * zeros dropped; a NaN (position without usable logprobs) is written as {@code null} and read back as
 * NaN; a NaN temperature is written as {@code null}.
 *
 * <p>{@link RunFileReader} reads most lines with {@link FastStepLineReader} and comes here only for
 * lines that one hands over; both share {@link #checkStep} so they accept exactly the same lines.
 *
 * <p>Not thread-safe (it keeps scratch buffers): one instance per reading or writing thread.
 */
public final class StepLineCodec {

    /**
     * Format 1.1: 7 decimals (rounding error at most 5e-8 bits per value), so thresholds computed from a
     * file stay within 1e-6 bits of those from the exact logprobs; format 1.0 files carry 4.
     */
    static final int ENTROPY_DECIMALS = 7;
    static final int TAIL_DECIMALS = 4;
    static final int LOGPROB_DECIMALS = 5;
    /** Chosen-token logprobs and token confidences (format 1.1), natural log, as precise as entropies. */
    static final int SCORE_DECIMALS = 7;

    private final FixedDecimals decimals = new FixedDecimals();
    private double[] scratch = new double[1024];
    private final StepLineEncoder encoder = new StepLineEncoder();

    // ---------------------------------------------------------------- writing

    /**
     * The record as one JSON line, UTF-8, without the trailing newline: the same bytes
     * {@link #write(StepRecord, JsonGenerator)} produces, written by {@link StepLineEncoder}.
     */
    public byte[] toLineBytes(StepRecord r) {
        int length = encoder.encode(r);
        return Arrays.copyOf(encoder.bytes(), length);
    }

    /**
     * Encodes the record as one line (no newline) into this codec's buffer, {@link #encodedBytes()};
     * returns its length. Valid until the next call; for writers that copy the bytes on at once.
     */
    int encode(StepRecord r) {
        return encoder.encode(r);
    }

    /** The buffer {@link #encode} wrote into. */
    byte[] encodedBytes() {
        return encoder.bytes();
    }

    /** The record as one JSON line, without the trailing newline. */
    public String toLine(StepRecord r) {
        return new String(toLineBytes(r), StandardCharsets.UTF_8);
    }

    /** Writes the record as one JSON object to {@code g}; {@link #toLineBytes} writes the same bytes faster. */
    public void write(StepRecord r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "step");
        g.writeStringField("q", r.questionId());
        g.writeNumberField("step", r.step());
        g.writeStringField("promptHash", r.promptHash());
        g.writeStringField("model", r.model());
        g.writeStringField("server", r.server());
        if (r.servedModel() != null) {
            g.writeStringField("servedModel", r.servedModel());
        }
        g.writeFieldName("temperature");
        writeNumber(g, r.temperature(), 4);
        g.writeNumberField("maxTokens", r.maxTokens());
        g.writeNumberField("topK", r.topK());
        g.writeStringField("text", r.text());
        g.writeStringField("reasoning", r.reasoningText());
        g.writeStringField("extracted", r.extractedAnswer());
        g.writeStringField("expected", r.expectedAnswer());
        g.writeFieldName("correct");
        if (r.correct() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(r.correct());
        }
        g.writeNumberField("promptTokens", r.promptTokens());
        g.writeNumberField("completionTokens", r.completionTokens());
        g.writeStringField("finish", r.finishReason());
        if (r.tokens() != null) {
            g.writeArrayFieldStart("tokens");
            for (String t : r.tokens()) {
                g.writeString(t);
            }
            g.writeEndArray();
        }
        if (r.channels() != null) {
            g.writeStringField("channels", r.channels());
        }
        g.writeObjectFieldStart("entropy");
        for (Map.Entry<Integer, double[]> e : new TreeMap<>(r.entropyByK()).entrySet()) {
            g.writeFieldName(Integer.toString(e.getKey()));
            writeArray(g, e.getValue(), ENTROPY_DECIMALS);
        }
        g.writeEndObject();
        if (r.tailMass() != null) {
            g.writeFieldName("tail");
            writeArray(g, r.tailMass(), TAIL_DECIMALS);
        }
        if (r.topLogprobs() != null) {
            g.writeArrayFieldStart("top");
            for (StepRecord.TopLogprobs top : r.topLogprobs()) {
                g.writeStartObject();
                g.writeArrayFieldStart("t");
                for (String t : top.tokens()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeFieldName("lp");
                writeArray(g, top.logprobs(), LOGPROB_DECIMALS);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.chosenLogprob() != null) {
            g.writeFieldName("lp");
            writeArray(g, r.chosenLogprob(), SCORE_DECIMALS);
        }
        if (r.tokenConfidence() != null) {
            g.writeFieldName("conf");
            writeArray(g, r.tokenConfidence(), SCORE_DECIMALS);
        }
        g.writeArrayFieldStart("flags");
        for (String f : r.flags()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeNumberField("startedAt", r.startedAt());
        g.writeNumberField("durationMs", r.durationMillis());
        g.writeEndObject();
    }

    private void writeArray(JsonGenerator g, double[] values, int places) throws IOException {
        g.writeStartArray(values, values.length);
        for (double v : values) {
            writeNumber(g, v, places);
        }
        g.writeEndArray();
    }

    private void writeNumber(JsonGenerator g, double v, int places) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNull();
        } else {
            int len = decimals.format(v, places);
            g.writeNumber(decimals.buffer, 0, len);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads one step object. The parser must be positioned on the object's START_OBJECT token, or
     * anywhere inside it after the {@code "type":"step"} pair has been consumed (the reader peeks
     * at the type first); fields already consumed other than {@code type} are not supported.
     *
     * @throws FieldException when a field has the wrong shape or a required one is missing
     */
    StepRecord read(JsonParser p, RunFileReader.Detail detail) throws IOException {
        boolean summary = detail == RunFileReader.Detail.SUMMARY;
        if (p.currentToken() == JsonToken.START_OBJECT) {
            p.nextToken();
        }
        StepLineFields f = new StepLineFields();

        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type": break;
                case "q": f.q = JsonFields.string(p, name); break;
                case "step": f.step = JsonFields.integer(p, name); break;
                case "promptHash": f.promptHash = JsonFields.string(p, name); break;
                case "model": f.model = JsonFields.string(p, name); break;
                case "server": f.server = JsonFields.string(p, name); break;
                case "servedModel": f.servedModel = JsonFields.string(p, name); break;
                case "temperature": f.temperature = JsonFields.number(p, name); break;
                case "maxTokens": f.maxTokens = JsonFields.integer(p, name); break;
                case "topK": f.topK = JsonFields.integer(p, name); break;
                case "text": f.text = summary ? skipString(p, name) : JsonFields.string(p, name); break;
                case "reasoning": f.reasoning = summary ? skipString(p, name) : JsonFields.string(p, name); break;
                case "extracted": f.extracted = JsonFields.string(p, name); break;
                case "expected": f.expected = JsonFields.string(p, name); break;
                case "correct": f.correct = JsonFields.bool(p, name); break;
                case "promptTokens": f.promptTokens = JsonFields.integer(p, name); break;
                case "completionTokens": f.completionTokens = JsonFields.integer(p, name); break;
                case "finish": f.finish = JsonFields.string(p, name); break;
                case "tokens":
                    if (summary) {
                        p.skipChildren();
                    } else {
                        f.tokens = JsonFields.strings(p, name);
                    }
                    break;
                case "channels": f.channels = JsonFields.string(p, name); break;
                case "entropy": f.entropy = readEntropy(p); break;
                case "tail":
                    if (summary) {
                        p.skipChildren();
                    } else {
                        f.tail = readDoubles(p, name);
                    }
                    break;
                case "top":
                    if (summary) {
                        p.skipChildren();
                    } else {
                        f.top = readTop(p);
                    }
                    break;
                case "lp": f.chosenLogprob = readDoubles(p, name); break;
                case "conf": f.confidence = readDoubles(p, name); break;
                case "flags":
                    f.flags = JsonFields.strings(p, name);
                    if (f.flags != null && f.flags.contains(null)) {
                        throw new FieldException(name, "expected an array of strings, found null in it");
                    }
                    break;
                case "startedAt": f.startedAt = JsonFields.longInteger(p, name); break;
                case "durationMs": f.durationMs = JsonFields.longInteger(p, name); break;
                default: p.skipChildren(); break;
            }
        }
        return f.toStep();
    }

    private static String skipString(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
            throw new FieldException(field, "expected a string, found " + JsonFields.describe(t));
        }
        return null;
    }

    private Map<Integer, double[]> readEntropy(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new FieldException("entropy", "expected an object of k -> array of numbers");
        }
        Map<Integer, double[]> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String field = "entropy." + key;
            int k;
            try {
                k = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw new FieldException(field, "key must be a whole number k");
            }
            if (k < 1) {
                throw new FieldException(field, "k must be 1 or more");
            }
            p.nextToken();
            out.put(k, readDoubles(p, field));
        }
        return out;
    }

    /** A JSON array of numbers (nulls read as NaN) parsed straight into a double[]. */
    private double[] readDoubles(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new FieldException(field, "expected an array of numbers");
        }
        int n = 0;
        double[] buf = scratch;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            double v;
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                v = p.getDoubleValue();
            } else if (t == JsonToken.VALUE_NULL) {
                v = Double.NaN;
            } else {
                throw new FieldException(field, "expected an array of numbers");
            }
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
                scratch = buf;
            }
            buf[n++] = v;
        }
        return Arrays.copyOf(buf, n);
    }

    private List<StepRecord.TopLogprobs> readTop(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new FieldException("top", "expected an array of {\"t\":[...],\"lp\":[...]} objects");
        }
        List<StepRecord.TopLogprobs> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String field = "top[" + out.size() + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new FieldException(field, "expected an object {\"t\":[...],\"lp\":[...]}");
            }
            List<String> toks = List.of();
            double[] lps = new double[0];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("t")) {
                    toks = JsonFields.strings(p, field + ".t");
                } else if (name.equals("lp")) {
                    lps = readDoubles(p, field + ".lp");
                } else {
                    p.skipChildren();
                }
            }
            if (toks == null || toks.size() != lps.length) {
                throw new FieldException(field, "\"t\" and \"lp\" must have the same length");
            }
            out.add(new StepRecord.TopLogprobs(toks, lps));
        }
        return out;
    }

    /**
     * The checks every step line must pass once its fields are read (lengths -1 for absent fields);
     * shared with {@link FastStepLineReader} so both paths accept exactly the same lines.
     *
     * @throws FieldException naming the first field that fails
     */
    static void checkStep(String q, int step, Map<Integer, double[]> entropy, int tokens, int channels, int tail,
            int top) {
        if (q == null || q.isEmpty()) {
            throw new FieldException("q", "missing question id");
        }
        if (step < 1) {
            throw new FieldException("step", step == 0 ? "missing (a 1-based step number)" : "must be 1 or more, found " + step);
        }
        int n = checkSameLengths(entropy);
        if (n >= 0) {
            checkLength("tokens", tokens, n);
            checkLength("channels", channels, n);
            checkLength("tail", tail, n);
            checkLength("top", top, n);
        }
    }

    /** The format-1.1 per-token score arrays must match the entropy arrays' length when both are present. */
    static void checkScores(Map<Integer, double[]> entropy, double[] chosenLogprob, double[] confidence) {
        int n = checkSameLengths(entropy);
        if (n >= 0) {
            checkLength("lp", chosenLogprob == null ? -1 : chosenLogprob.length, n);
            checkLength("conf", confidence == null ? -1 : confidence.length, n);
        }
    }

    /** The common length of the entropy arrays, or -1 when there are none. */
    private static int checkSameLengths(Map<Integer, double[]> entropy) {
        int n = -1;
        int firstK = 0;
        for (Map.Entry<Integer, double[]> e : entropy.entrySet()) {
            if (n < 0) {
                n = e.getValue().length;
                firstK = e.getKey();
            } else if (e.getValue().length != n) {
                throw new FieldException("entropy." + e.getKey(), "has " + e.getValue().length
                        + " values but entropy." + firstK + " has " + n);
            }
        }
        return n;
    }

    private static void checkLength(String field, int length, int n) {
        if (length >= 0 && length != n) {
            throw new FieldException(field, "has " + length + " entries but the entropy arrays have " + n);
        }
    }
}
