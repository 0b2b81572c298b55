package org.entropyworkbench.core.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Reads and validates a calibration file written by {@link CalibrationFileWriter} (or by hand).
 * Every problem throws a {@link CalibrationFileException} that names the file and the field
 * path. Unknown extra fields are ignored so later versions can add some. Stateless, any thread.
 */
public final class CalibrationFileReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalibrationFileReader() {
    }

    /** Reads {@code file}; throws naming the file and field when it is unusable. */
    public static CalibrationFile read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            throw new CalibrationFileException(file, "not valid JSON" + where + ": " + JsonErrorText.reason(e), e);
        } catch (IOException e) {
            throw new CalibrationFileException(file, "cannot read: " + e, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new CalibrationFileException(file, "is empty");
        }
        return new Parser(file).parse(root);
    }

    /** Walks the tree keeping the field path for messages. */
    private static final class Parser {
        private final Path file;

        Parser(Path file) {
            this.file = file;
        }

        CalibrationFile parse(JsonNode root) throws CalibrationFileException {
            if (!root.isObject()) {
                throw new CalibrationFileException(file, "(root)", "expected an object, got " + describe(root));
            }
            String format = text(root, "", "format");
            if (!CalibrationFile.FORMAT.equals(format)) {
                throw new CalibrationFileException(file, "format",
                        "expected \"" + CalibrationFile.FORMAT + "\", got " + describe(root.get("format")));
            }
            int version = integer(root, "", "version");
            if (version != CalibrationFile.VERSION && version != CalibrationFile.VERSION_1) {
                throw new CalibrationFileException(file, "version", "unsupported version " + version
                        + " (this workbench reads versions " + CalibrationFile.VERSION_1 + " and " + CalibrationFile.VERSION + ")");
            }
            String unit = text(root, "", "entropyUnit");
            if (!CalibrationFile.ENTROPY_UNIT.equals(unit)) {
                throw new CalibrationFileException(file, "entropyUnit", "expected \"bits\", got " + describe(root.get("entropyUnit")));
            }
            int k = integer(root, "", "k");
            if (k < 1) {
                throw new CalibrationFileException(file, "k", "expected a positive integer, got " + k);
            }
            String priors = text(root, "", "priors");
            if (!"empirical".equals(priors) && !"equal".equals(priors)) {
                throw new CalibrationFileException(file, "priors", "expected \"empirical\" or \"equal\", got " + describe(root.get("priors")));
            }
            Map<ThresholdMethod, CalibrationFile.MethodCalibration> methods = methods(object(root, "", "methods"));
            ChosenThreshold chosen = chosen(root, version, methods);
            return new CalibrationFile(version, text(root, "", "createdAt"), text(root, "", "workbenchVersion"),
                    text(root, "", "model"), text(root, "", "server"), optionalText(root, "", "dataset"),
                    optionalText(root, "", "sourceRunId"), k, unit, priors, chosen, methods,
                    classStatistics(object(root, "", "classStatistics")), sample(object(root, "", "calibrationSample")),
                    optionalText(root, "", "signal"), provenance(root), prompts(root), classDistribution(root));
        }

        /** Optional {@code classDistribution}: two arrays of finite numbers; absent or null in older files. */
        private ClassDistribution classDistribution(JsonNode root) throws CalibrationFileException {
            JsonNode node = root.get("classDistribution");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw new CalibrationFileException(file, "classDistribution", "expected an object, got " + describe(node));
            }
            return new ClassDistribution(values(node, "correct"), values(node, "incorrect"));
        }

        private double[] values(JsonNode parent, String name) throws CalibrationFileException {
            String field = "classDistribution." + name;
            JsonNode array = parent.get(name);
            if (array == null || !array.isArray()) {
                throw new CalibrationFileException(file, field, "expected an array of numbers, got " + describe(array));
            }
            double[] out = new double[array.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = array.get(i);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new CalibrationFileException(file, field + "[" + i + "]", "expected a finite number, got "
                            + describe(v));
                }
                out[i] = v.asDouble();
            }
            return out;
        }

        /** chosenMethod (a rule, "custom" from version 2 on, or null) with chosenTau. */
        private ChosenThreshold chosen(JsonNode root, int version,
                                       Map<ThresholdMethod, CalibrationFile.MethodCalibration> methods)
                throws CalibrationFileException {
            String chosenId = optionalText(root, "", "chosenMethod");
            double chosenTau = optionalNumber(root, "", "chosenTau");
            if (chosenId == null) {
                return null;
            }
            if (ChosenThreshold.CUSTOM_ID.equals(chosenId)) {
                if (version < CalibrationFile.VERSION) {
                    throw new CalibrationFileException(file, "chosenMethod",
                            "\"custom\" needs version 2 or later (this file says version " + version + ")");
                }
                if (Double.isNaN(chosenTau)) {
                    throw new CalibrationFileException(file, "chosenTau", "expected a number when chosenMethod is \"custom\", got "
                            + describe(root.get("chosenTau")));
                }
                if (chosenTau < 0 || Double.isInfinite(chosenTau)) {
                    throw new CalibrationFileException(file, "chosenTau", "expected a non-negative entropy in bits, got " + chosenTau);
                }
                return ChosenThreshold.custom(chosenTau);
            }
            ThresholdMethod chosen = method(chosenId, "chosenMethod");
            CalibrationFile.MethodCalibration mc = methods.get(chosen);
            if (!mc.available()) {
                throw new CalibrationFileException(file, "chosenMethod",
                        "method \"" + chosenId + "\" is marked unavailable, so it cannot be chosen");
            }
            if (!Double.isNaN(chosenTau) && Math.abs(chosenTau - mc.tau()) > 1e-9) {
                throw new CalibrationFileException(file, "chosenTau", "is " + chosenTau + " but methods." + chosenId
                        + ".tau is " + mc.tau() + "; for a hand-set threshold write chosenMethod \"custom\"");
            }
            return ChosenThreshold.rule(chosen, mc.tau());
        }

        private CalibrationProvenance provenance(JsonNode root) throws CalibrationFileException {
            JsonNode node = root.get("provenance");
            if (node == null || node.isNull()) {
                return null;
            }
            String p = "provenance";
            if (!node.isObject()) {
                throw new CalibrationFileException(file, p, "expected an object or null, got " + describe(node));
            }
            Integer k = null;
            JsonNode kn = node.get("k");
            if (kn != null && !kn.isNull()) {
                if (!kn.isIntegralNumber() || !kn.canConvertToInt() || kn.intValue() < 1) {
                    throw new CalibrationFileException(file, p + ".k", "expected a positive integer or null, got " + describe(kn));
                }
                k = kn.intValue();
            }
            double t = optionalNumber(node, p, "temperature");
            String timing = optionalText(node, p, "logprobsTiming");
            LogprobsTiming logprobsTiming = null;
            if (timing != null) {
                try {
                    logprobsTiming = LogprobsTiming.fromId(timing);
                } catch (IllegalArgumentException e) {
                    throw new CalibrationFileException(file, p + ".logprobsTiming", e.getMessage());
                }
            }
            return new CalibrationProvenance(optionalText(node, p, "model"), k, Double.isNaN(t) ? null : t,
                    optionalText(node, p, "serverKind"), optionalText(node, p, "serverVersion"), logprobsTiming,
                    optionalText(node, p, "promptSetHash"));
        }

        private CalibrationPrompts prompts(JsonNode root) throws CalibrationFileException {
            JsonNode node = root.get("prompts");
            if (node == null || node.isNull()) {
                return null;
            }
            String p = "prompts";
            if (!node.isObject()) {
                throw new CalibrationFileException(file, p, "expected an object or null, got " + describe(node));
            }
            int steps = integer(node, p, "steps");
            if (steps < 1) {
                throw new CalibrationFileException(file, p + ".steps", "expected 1 or more, got " + steps);
            }
            return new CalibrationPrompts(optionalText(node, p, "system"), text(node, p, "step1"),
                    text(node, p, "refine"), steps);
        }

        private Map<ThresholdMethod, CalibrationFile.MethodCalibration> methods(JsonNode node) throws CalibrationFileException {
            Map<ThresholdMethod, CalibrationFile.MethodCalibration> result = new EnumMap<>(ThresholdMethod.class);
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                method(name, "methods." + name);
            }
            for (ThresholdMethod m : ThresholdMethod.values()) {
                String path = "methods." + m.id();
                JsonNode mn = node.get(m.id());
                if (mn == null) {
                    throw new CalibrationFileException(file, path, "missing");
                }
                if (!mn.isObject()) {
                    throw new CalibrationFileException(file, path, "expected an object, got " + describe(mn));
                }
                boolean available = bool(mn, path, "available");
                double tau = nullableNumber(mn, path, "tau");
                if (available && Double.isNaN(tau)) {
                    throw new CalibrationFileException(file, path + ".tau", "expected a number when available is true, got null");
                }
                if (available && tau < 0) {
                    throw new CalibrationFileException(file, path + ".tau", "expected a non-negative entropy in bits, got " + tau);
                }
                String note = optionalText(mn, path, "note");
                if (!available && note == null) {
                    note = "unavailable";
                }
                JsonNode expected = object(mn, path, "expected");
                String ep = path + ".expected";
                result.put(m, new CalibrationFile.MethodCalibration(available ? tau : Double.NaN, available, note,
                        nullableNumber(expected, ep, "tokenSavings"), nullableNumber(expected, ep, "callSavings"),
                        nullableNumber(expected, ep, "gatedAccuracy"), nullableNumber(expected, ep, "deltaAccuracyPoints")));
            }
            return result;
        }

        private CalibrationFile.ClassStatisticsEntry classStatistics(JsonNode node) throws CalibrationFileException {
            String p = "classStatistics";
            return new CalibrationFile.ClassStatisticsEntry(classEntry(object(node, p, "correct"), p + ".correct"),
                    classEntry(object(node, p, "incorrect"), p + ".incorrect"),
                    nullableNumber(node, p, "cohensD"), nullableNumber(node, p, "pValue"));
        }

        private CalibrationFile.ClassEntry classEntry(JsonNode node, String path) throws CalibrationFileException {
            int n = integer(node, path, "n");
            if (n < 0) {
                throw new CalibrationFileException(file, path + ".n", "expected a count of 0 or more, got " + n);
            }
            return new CalibrationFile.ClassEntry(n, nullableNumber(node, path, "mu"), nullableNumber(node, path, "sigma"));
        }

        private CalibrationFile.CalibrationSample sample(JsonNode node) throws CalibrationFileException {
            String p = "calibrationSample";
            String mode = text(node, p, "mode");
            if (!CalibrationFile.CalibrationSample.MODE_ALL.equals(mode)
                    && !CalibrationFile.CalibrationSample.MODE_FEW_SHOT.equals(mode)) {
                throw new CalibrationFileException(file, p + ".mode", "expected \"all\" or \"few-shot\", got " + describe(node.get("mode")));
            }
            int n = integer(node, p, "n");
            int draws = integer(node, p, "draws");
            if (n < 0) {
                throw new CalibrationFileException(file, p + ".n", "expected 0 or more, got " + n);
            }
            if (draws < 1) {
                throw new CalibrationFileException(file, p + ".draws", "expected 1 or more, got " + draws);
            }
            JsonNode seedNode = require(node, p, "seed");
            Long seed = null;
            if (!seedNode.isNull()) {
                if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
                    throw new CalibrationFileException(file, p + ".seed", "expected an integer or null, got " + describe(seedNode));
                }
                seed = seedNode.longValue();
            }
            JsonNode idsNode = require(node, p, "questionIds");
            if (!idsNode.isArray()) {
                throw new CalibrationFileException(file, p + ".questionIds", "expected an array, got " + describe(idsNode));
            }
            List<String> ids = new ArrayList<>(idsNode.size());
            for (int i = 0; i < idsNode.size(); i++) {
                JsonNode id = idsNode.get(i);
                if (!id.isTextual()) {
                    throw new CalibrationFileException(file, p + ".questionIds[" + i + "]", "expected a string, got " + describe(id));
                }
                ids.add(id.textValue());
            }
            return new CalibrationFile.CalibrationSample(mode, ids, seed, n, draws);
        }

        private ThresholdMethod method(String id, String path) throws CalibrationFileException {
            for (ThresholdMethod m : ThresholdMethod.values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            throw new CalibrationFileException(file, path, "unknown method \"" + id
                    + "\" (expected entropy-mean, information-theoretic, bayes-optimal or scale-invariant-universal)");
        }

        private JsonNode require(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = parent.get(name);
            if (n == null) {
                throw new CalibrationFileException(file, join(path, name), "missing");
            }
            return n;
        }

        private JsonNode object(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = require(parent, path, name);
            if (!n.isObject()) {
                throw new CalibrationFileException(file, join(path, name), "expected an object, got " + describe(n));
            }
            return n;
        }

        private String text(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = require(parent, path, name);
            if (!n.isTextual()) {
                throw new CalibrationFileException(file, join(path, name), "expected a string, got " + describe(n));
            }
            return n.textValue();
        }

        private String optionalText(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                throw new CalibrationFileException(file, join(path, name), "expected a string or null, got " + describe(n));
            }
            return n.textValue();
        }

        private int integer(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = require(parent, path, name);
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new CalibrationFileException(file, join(path, name), "expected an integer, got " + describe(n));
            }
            return n.intValue();
        }

        private boolean bool(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = require(parent, path, name);
            if (!n.isBoolean()) {
                throw new CalibrationFileException(file, join(path, name), "expected true or false, got " + describe(n));
            }
            return n.booleanValue();
        }

        /** A number, or NaN for an explicit null; a missing field is an error. */
        private double nullableNumber(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = require(parent, path, name);
            if (n.isNull()) {
                return Double.NaN;
            }
            if (!n.isNumber()) {
                throw new CalibrationFileException(file, join(path, name), "expected a number, got " + describe(n));
            }
            return n.doubleValue();
        }

        /** A number, or NaN when missing or null. */
        private double optionalNumber(JsonNode parent, String path, String name) throws CalibrationFileException {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return Double.NaN;
            }
            if (!n.isNumber()) {
                throw new CalibrationFileException(file, join(path, name), "expected a number or null, got " + describe(n));
            }
            return n.doubleValue();
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private static String describe(JsonNode n) {
            if (n == null) {
                return "nothing";
            }
            if (n.isTextual()) {
                String t = n.textValue();
                return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
            }
            if (n.isObject()) {
                return "an object";
            }
            if (n.isArray()) {
                return "an array";
            }
            return n.toString();
        }
    }
}
