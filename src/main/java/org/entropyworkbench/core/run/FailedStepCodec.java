package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Converts a {@link FailedStep} to and from its {@code "type":"failed-step"} line. Failed steps are
 * rare, so the plain Jackson path is enough. Stateless and thread-safe.
 */
final class FailedStepCodec {

    private FailedStepCodec() {
    }

    /** The failed step as one JSON line, UTF-8, without the trailing newline. */
    static byte[] toLineBytes(FailedStep f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JsonFields.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", FailedStep.LINE_TYPE);
            g.writeStringField("q", f.questionId());
            g.writeNumberField("step", f.step());
            g.writeStringField("promptHash", f.promptHash());
            g.writeStringField("model", f.model());
            g.writeStringField("server", f.server());
            g.writeStringField("reason", f.reason());
            g.writeNumberField("httpStatus", f.httpStatus());
            g.writeNumberField("failedAt", f.failedAt());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a failed-step object; the parser is positioned on its START_OBJECT.
     *
     * @throws FieldException when the question id or the step is missing
     */
    static FailedStep read(JsonParser p) throws IOException {
        String q = null;
        int step = 0;
        String promptHash = null;
        String model = null;
        String server = null;
        String reason = null;
        int httpStatus = -1;
        long failedAt = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "q": q = JsonFields.string(p, name); break;
                case "step": step = JsonFields.integer(p, name); break;
                case "promptHash": promptHash = JsonFields.string(p, name); break;
                case "model": model = JsonFields.string(p, name); break;
                case "server": server = JsonFields.string(p, name); break;
                case "reason": reason = JsonFields.string(p, name); break;
                case "httpStatus": httpStatus = JsonFields.integer(p, name); break;
                case "failedAt": failedAt = JsonFields.longInteger(p, name); break;
                default: p.skipChildren(); break;
            }
        }
        if (q == null) {
            throw new FieldException("q", "missing");
        }
        if (step < 1) {
            throw new FieldException("step", "missing or not a positive integer");
        }
        return new FailedStep(q, step, promptHash, model, server, reason == null ? "(no reason recorded)" : reason,
                httpStatus, failedAt);
    }
}
