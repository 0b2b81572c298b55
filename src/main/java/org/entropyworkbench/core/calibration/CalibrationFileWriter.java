package org.entropyworkbench.core.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * Writes a {@link CalibrationFile} as pretty-printed JSON (layout in docs/calibration.schema.json).
 * The JSON goes to a temporary file in the target folder first and is then moved over the target
 * atomically, so a reader never sees half a file and a failed write leaves the old file intact.
 * NaN becomes {@code null}. Stateless, any thread.
 */
public final class CalibrationFileWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationFileWriter() {
    }

    /** Writes {@code file} atomically; the message of any failure names the file. */
    public static void write(Path file, CalibrationFile calibration) throws IOException {
        ObjectNode root = toJson(calibration);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new CalibrationFileException(file, "cannot create a temporary file next to it: " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                JSON.writeValue(out, root);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new CalibrationFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** The JSON tree of a calibration, exactly as {@link #write} stores it. */
    public static ObjectNode toJson(CalibrationFile c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", CalibrationFile.FORMAT);
        root.put("version", c.version());
        root.put("createdAt", c.createdAt());
        root.put("workbenchVersion", c.workbenchVersion());
        root.put("model", c.model());
        root.put("server", c.server());
        root.put("dataset", c.dataset());
        root.put("sourceRunId", c.sourceRunId());
        root.put("k", c.k());
        root.put("entropyUnit", c.entropyUnit());
        root.put("priors", c.priors());
        root.put("chosenMethod", c.chosen() == null ? null : c.chosen().id());
        if (c.chosen() == null) {
            root.putNull("chosenTau");
        } else {
            root.put("chosenTau", c.chosen().tau());
        }
        root.put("signal", c.signal());
        ObjectNode methods = root.putObject("methods");
        for (Map.Entry<ThresholdMethod, CalibrationFile.MethodCalibration> e : c.methods().entrySet()) {
            CalibrationFile.MethodCalibration m = e.getValue();
            ObjectNode node = methods.putObject(e.getKey().id());
            number(node, "tau", m.tau());
            node.put("available", m.available());
            node.put("note", m.note());
            ObjectNode expected = node.putObject("expected");
            number(expected, "tokenSavings", m.tokenSavings());
            number(expected, "callSavings", m.callSavings());
            number(expected, "gatedAccuracy", m.gatedAccuracy());
            number(expected, "deltaAccuracyPoints", m.deltaAccuracyPoints());
        }
        ObjectNode stats = root.putObject("classStatistics");
        classEntry(stats.putObject("correct"), c.classStatistics().correct());
        classEntry(stats.putObject("incorrect"), c.classStatistics().incorrect());
        number(stats, "cohensD", c.classStatistics().cohensD());
        number(stats, "pValue", c.classStatistics().pValue());
        ObjectNode sample = root.putObject("calibrationSample");
        sample.put("mode", c.sample().mode());
        sample.put("n", c.sample().n());
        sample.put("draws", c.sample().draws());
        sample.put("seed", c.sample().seed());
        ArrayNode ids = sample.putArray("questionIds");
        c.sample().questionIds().forEach(ids::add);
        provenance(root, c.provenance());
        prompts(root, c.prompts());
        classDistribution(root, c.classDistribution());
        return root;
    }

    /** Optional: omitted when the calibration has none (what older files look like). */
    private static void classDistribution(ObjectNode root, ClassDistribution d) {
        if (d == null) {
            return;
        }
        ObjectNode node = root.putObject("classDistribution");
        ArrayNode correct = node.putArray("correct");
        for (double v : d.correct()) {
            correct.add(rounded(v));
        }
        ArrayNode incorrect = node.putArray("incorrect");
        for (double v : d.incorrect()) {
            incorrect.add(rounded(v));
        }
    }

    /** 7 decimals, as the run file keeps entropies: the stop rate at τ counts the same questions. */
    private static double rounded(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static void provenance(ObjectNode root, CalibrationProvenance p) {
        if (p == null) {
            root.putNull("provenance");
            return;
        }
        ObjectNode node = root.putObject("provenance");
        node.put("model", p.model());
        node.put("k", p.k());
        if (p.temperature() == null || !Double.isFinite(p.temperature())) {
            node.putNull("temperature");
        } else {
            node.put("temperature", p.temperature());
        }
        node.put("serverKind", p.serverKind());
        node.put("serverVersion", p.serverVersion());
        node.put("logprobsTiming", p.logprobsTiming() == null ? null : p.logprobsTiming().id());
        node.put("promptSetHash", p.promptSetHash());
    }

    private static void prompts(ObjectNode root, CalibrationPrompts p) {
        if (p == null) {
            root.putNull("prompts");
            return;
        }
        ObjectNode node = root.putObject("prompts");
        node.put("system", p.system());
        node.put("step1", p.step1());
        node.put("refine", p.refine());
        node.put("steps", p.steps());
    }

    private static void classEntry(ObjectNode node, CalibrationFile.ClassEntry e) {
        node.put("n", e.n());
        number(node, "mu", e.mu());
        number(node, "sigma", e.sigma());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
