package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Reads one non-header line of a run file into a {@link LineOutcome}, without the file-level
 * bookkeeping (line numbers in messages, duplicates, a half-written tail: {@link RunAssembly}).
 * First {@link FastStepLineReader}; a line it cannot vouch for goes to the Jackson path
 * ({@link StepLineCodec}), which reads it or says what is wrong. Split out of {@code RunFileReader}
 * so the sequential reader and {@link ParallelRunFileReader} parse lines with the same code.
 * One instance per thread.
 */
final class StepLineParser {

    /** What one line turned out to be. {@code text} is the problem or JSON error, without file and line. */
    record LineOutcome(Kind kind, StepRecord step, FailedStep failed, String text) {
        enum Kind { STEP, FAILED, PROBLEM, SYNTAX, IGNORED }

        static final LineOutcome IGNORED = new LineOutcome(Kind.IGNORED, null, null, null);

        static LineOutcome step(StepRecord step) {
            return new LineOutcome(Kind.STEP, step, null, null);
        }

        static LineOutcome problem(String text) {
            return new LineOutcome(Kind.PROBLEM, null, null, text);
        }
    }

    private final RunFileReader.Detail detail;
    private final StepLineCodec codec = new StepLineCodec();
    private final FastStepLineReader fast = new FastStepLineReader();

    /** Lines over the size limit never get here: the line splitter skips them ({@code LineRules.maxLineBytes}). */
    StepLineParser(RunFileReader.Detail detail) {
        this.detail = detail;
    }

    LineOutcome parse(byte[] buf, int start, int length) throws IOException {
        StepRecord quick = fast.read(buf, start, length, detail);
        if (quick != null) {
            return LineOutcome.step(quick);
        }
        try {
            String type = peekType(buf, start, length);
            if (type == null) {
                throw new FieldException("type", "missing");
            }
            if (type.equals("step")) {
                return LineOutcome.step(readStep(buf, start, length));
            } else if (type.equals("header")) {
                return LineOutcome.problem("a second header line; ignored");
            } else if (type.equals(FailedStep.LINE_TYPE)) {
                return new LineOutcome(LineOutcome.Kind.FAILED, null, readFailedStep(buf, start, length), null);
            }
            return LineOutcome.IGNORED;
        } catch (FieldException e) {
            return LineOutcome.problem(e.describe());
        } catch (JsonProcessingException e) {
            return new LineOutcome(LineOutcome.Kind.SYNTAX, null, null, JsonErrorText.reason(e));
        }
    }

    /** The top-level "type" of the line; cheap when "type" comes first, as writers put it. */
    private static String peekType(byte[] buf, int start, int length) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(buf, start, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FieldException(null, "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("type")) {
                    return JsonFields.string(p, "type");
                }
                p.skipChildren();
            }
            return null;
        }
    }

    private StepRecord readStep(byte[] buf, int start, int length) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(buf, start, length)) {
            p.nextToken();
            StepRecord r = codec.read(p, detail);
            if (p.nextToken() != null) {
                throw new FieldException(null, "unexpected text after the JSON object");
            }
            return r;
        }
    }

    private static FailedStep readFailedStep(byte[] buf, int start, int length) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(buf, start, length)) {
            p.nextToken();
            return FailedStepCodec.read(p);
        }
    }
}
