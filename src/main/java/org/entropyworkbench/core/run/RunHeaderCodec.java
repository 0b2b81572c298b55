package org.entropyworkbench.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a {@link RunHeader} to and from the {@code "type":"header"} first line of a run file
 * (docs/run-format.md). Stateless and thread-safe.
 */
public final class RunHeaderCodec {

    private RunHeaderCodec() {
    }

    /** The header as one JSON line, UTF-8, without the trailing newline. */
    public static byte[] toLineBytes(RunHeader h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JsonFields.FACTORY.createGenerator(out)) {
            write(h, g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a header from the bytes {@link #toLineBytes} wrote (the summary cache keeps it so).
     *
     * @throws IOException when the bytes are not a valid header line
     */
    public static RunHeader fromLineBytes(byte[] line) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(line)) {
            p.nextToken();
            return read(p);
        }
    }

    public static void write(RunHeader h, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "header");
        g.writeStringField("format", RunHeader.FORMAT_NAME);
        g.writeNumberField("version", h.formatVersion());
        g.writeNumberField("minor", RunHeader.FORMAT_MINOR);
        g.writeStringField("runId", h.runId());
        g.writeStringField("createdAt", h.createdAt());
        g.writeStringField("workbenchVersion", h.workbenchVersion());
        g.writeStringField("title", h.title());
        g.writeStringField("model", h.model());
        g.writeStringField("server", h.server());
        if (h.servedModel() != null) {
            g.writeStringField("servedModel", h.servedModel());
        }
        g.writeStringField("dataset", h.dataset());
        g.writeStringField("datasetPath", h.datasetPath());
        g.writeStringField("answerKind", h.answerKind());
        g.writeStringField("mode", h.mode());
        g.writeNumberField("steps", h.steps());
        g.writeNumberField("topK", h.topK());
        g.writeFieldName("temperature");
        writeAny(g, h.temperature());
        g.writeNumberField("maxTokensPerStep", h.maxTokensPerStep());
        g.writeStringField("reasoningEffort", h.reasoningEffort());
        g.writeFieldName("prompts");
        writeAny(g, new TreeMap<>(h.prompts()));
        g.writeBooleanField("simulated", h.simulated());
        g.writeFieldName("generator");
        writeAny(g, new TreeMap<>(h.generator()));
        g.writeFieldName("calibration");
        writeAny(g, new TreeMap<>(h.calibration()));
        g.writeEndObject();
    }

    private static void writeAny(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeAny(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable) {
            g.writeStartArray();
            for (Object o : (Iterable<?>) v) {
                writeAny(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Reads a header object; the parser is positioned on its START_OBJECT (or on the first field
     * after {@code "type":"header"}).
     *
     * @throws FieldException when it is not a run header or a field has the wrong shape
     */
    static RunHeader read(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            p.nextToken();
        }
        String format = null;
        int version = 0;
        String runId = null;
        String createdAt = null;
        String workbenchVersion = null;
        String title = null;
        String model = null;
        String server = null;
        String servedModel = null;
        String dataset = null;
        String datasetPath = null;
        String answerKind = null;
        String mode = null;
        int steps = 4;
        int topK = 20;
        double temperature = Double.NaN;
        int maxTokensPerStep = 0;
        String reasoningEffort = null;
        Map<String, String> prompts = Map.of();
        boolean simulated = false;
        Map<String, Object> generator = Map.of();
        Map<String, Object> calibration = Map.of();
        String type = null;
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type": type = JsonFields.string(p, name); break;
                case "format": format = JsonFields.string(p, name); break;
                case "version": version = JsonFields.integer(p, name); break;
                case "runId": runId = JsonFields.string(p, name); break;
                case "createdAt": createdAt = JsonFields.string(p, name); break;
                case "workbenchVersion": workbenchVersion = JsonFields.string(p, name); break;
                case "title": title = JsonFields.string(p, name); break;
                case "model": model = JsonFields.string(p, name); break;
                case "server": server = JsonFields.string(p, name); break;
                case "servedModel": servedModel = JsonFields.string(p, name); break;
                case "dataset": dataset = JsonFields.string(p, name); break;
                case "datasetPath": datasetPath = JsonFields.string(p, name); break;
                case "answerKind": answerKind = JsonFields.string(p, name); break;
                case "mode": mode = JsonFields.string(p, name); break;
                case "steps": steps = JsonFields.integer(p, name); break;
                case "topK": topK = JsonFields.integer(p, name); break;
                case "temperature": temperature = JsonFields.number(p, name); break;
                case "maxTokensPerStep": maxTokensPerStep = JsonFields.integer(p, name); break;
                case "reasoningEffort": reasoningEffort = JsonFields.string(p, name); break;
                case "prompts": prompts = JsonFields.stringMap(p, name); break;
                case "simulated": simulated = Boolean.TRUE.equals(JsonFields.bool(p, name)); break;
                case "generator": generator = JsonFields.objectMap(p, name); break;
                case "calibration": calibration = JsonFields.objectMap(p, name); break;
                default: p.skipChildren(); break;
            }
        }
        if (type != null && !type.equals("header")) {
            throw new FieldException("type", "expected \"header\", found \"" + type + "\"");
        }
        if (!RunHeader.FORMAT_NAME.equals(format)) {
            throw new FieldException("format", "expected \"" + RunHeader.FORMAT_NAME + "\""
                    + (format == null ? " (missing)" : ", found \"" + format + "\""));
        }
        if (version < 1) {
            throw new FieldException("version", "missing or not a positive integer");
        }
        if (version > RunHeader.FORMAT_VERSION) {
            throw new FieldException("version", "format version " + version + " is newer than this reader ("
                    + RunHeader.FORMAT_VERSION + "); update Entropy Workbench");
        }
        if (runId == null || runId.isEmpty()) {
            throw new FieldException("runId", "missing");
        }
        return new RunHeader(version, runId, createdAt, workbenchVersion, title, model, server, dataset, datasetPath,
                answerKind, mode, steps, topK, temperature, maxTokensPerStep, reasoningEffort, prompts, simulated,
                generator, calibration, servedModel);
    }
}
