package org.entropyworkbench.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.tradeoff.FewShotCalibration;
import org.entropyworkbench.core.tradeoff.SyntheticRunFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks written calibration files against docs/calibration.schema.json with a small structural
 * validator (type, const, enum, required, properties, additionalProperties, items, minimum, $ref):
 * enough for this schema, no extra dependency.
 */
class CalibrationSchemaTest {

    private static final Path SCHEMA = Path.of("docs", "calibration.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode schema() throws IOException {
        return JSON.readTree(SCHEMA.toFile());
    }

    @Test
    void schemaIsDraft2020AndOnlyTheVersion2AdditionsAreOptional() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<JsonNode> objects = new ArrayList<>();
        collectObjectSchemas(schema, objects);
        assertThat(objects).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode o : objects) {
            Set<String> optional = fieldNames(o.get("properties"));
            optional.removeAll(names(o.get("required")));
            optional.removeAll(VERSION_2_OPTIONAL);
            assertThat(optional).as("optional fields that are not version-2 additions").isEmpty();
            assertThat(o.get("additionalProperties").booleanValue()).isFalse();
        }
    }

    /** Fields version 2 added; a version-1 file lacks them. */
    private static final Set<String> VERSION_2_OPTIONAL = Set.of("chosenTau", "signal", "provenance", "prompts",
            "system", "model", "k", "temperature", "serverKind", "serverVersion", "logprobsTiming", "promptSetHash",
            "classDistribution");

    @Test
    void writerWritesEveryDeclaredTopLevelField() throws IOException {
        var root = CalibrationFileWriter.toJson(CalibrationFileTest.inSample().withCustomTau(0.5)
                .withProvenance(CalibrationFileTest.provenance())
                .withPrompts(new CalibrationPrompts("", "{question}", "Again.", 4)));
        assertThat(fieldNames(root)).isEqualTo(fieldNames(schema().get("properties")));
        assertThat(fieldNames(root.get("provenance"))).isEqualTo(fieldNames(schema().at("/properties/provenance/properties")));
        assertThat(fieldNames(root.get("prompts"))).isEqualTo(fieldNames(schema().at("/properties/prompts/properties")));
    }

    @Test
    void customProvenanceAndVersion1FilesMatchTheSchema() throws IOException {
        CalibrationFile c = CalibrationFileTest.inSample().withCustomTau(0.123).withSignal("some-future-signal")
                .withProvenance(CalibrationFileTest.provenance())
                .withPrompts(new CalibrationPrompts("sys", "{question}", "Again.", 4));
        assertConforms(c);
        List<String> errors = new ArrayList<>();
        validate(JSON.readTree(CalibrationFileTest.version1Text()), schema(), schema(), "", errors);
        assertThat(errors).isEmpty();
    }

    @Test
    void inSampleFileMatchesTheSchemaExactly() throws IOException {
        RunAnalysis a = CalibrationFileTest.analysis();
        assertConforms(CalibrationFile.from(a, ThresholdMethod.SCALE_INVARIANT_UNIVERSAL, "0.1.0", Instant.now()));
    }

    @Test
    void fewShotFileAndFileWithNullsMatchTheSchema() throws IOException {
        RunAnalysis a = CalibrationFileTest.analysis();
        FewShotCalibration.Result fs = FewShotCalibration.run(a.outcomes(), 5, 20, 3, a.options().thresholdOptions());
        assertConforms(CalibrationFile.fromFewShot(a, fs, null, "0.1.0", Instant.now()));

        SyntheticRunFixture f = new SyntheticRunFixture(2);
        f.question("a", 0.5, new Boolean[] {true, true}, new int[] {1, 1});
        RunAnalysis tiny = RunAnalysis.of(f.build(), a.options());
        assertConforms(CalibrationFile.from(tiny, null, "0.1.0", Instant.now()));
    }

    @Test
    void validatorCatchesDeviations() throws IOException {
        JsonNode schema = schema();
        var root = CalibrationFileWriter.toJson(CalibrationFileTest.inSample());
        root.put("extra", 1);
        List<String> errors = new ArrayList<>();
        validate(root, schema, schema, "", errors);
        assertThat(errors).anyMatch(e -> e.contains("extra"));
        root.remove("extra");
        root.remove("k");
        errors.clear();
        validate(root, schema, schema, "", errors);
        assertThat(errors).anyMatch(e -> e.contains("k"));
    }

    private void assertConforms(CalibrationFile c) throws IOException {
        Path file = dir.resolve("c-" + System.nanoTime() + ".json");
        CalibrationFileWriter.write(file, c);
        JsonNode doc = JSON.readTree(Files.readString(file));
        List<String> errors = new ArrayList<>();
        JsonNode schema = schema();
        validate(doc, schema, schema, "", errors);
        assertThat(errors).isEmpty();
    }

    private static void validate(JsonNode value, JsonNode schema, JsonNode root, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            validate(value, root.at(ref.substring(1)), root, path, errors);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": expected const " + schema.get("const") + ", got " + value);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " not in enum");
            }
        }
        if (schema.has("type")) {
            Set<String> types = names(schema.get("type"));
            if (types.isEmpty()) {
                types.add(schema.get("type").asText());
            }
            if (!types.contains(typeOf(value)) && !(types.contains("number") && value.isIntegralNumber())) {
                errors.add(path + ": expected " + types + ", got " + typeOf(value));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.doubleValue() < schema.get("minimum").doubleValue()) {
            errors.add(path + ": below minimum");
        }
        if (value.isObject()) {
            JsonNode props = schema.get("properties");
            for (String req : names(schema.get("required"))) {
                if (!value.has(req)) {
                    errors.add(path + ": missing required " + req);
                }
            }
            Iterator<String> it = value.fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                if (props != null && props.has(name)) {
                    validate(value.get(name), props.get(name), root, path + "/" + name, errors);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").booleanValue()) {
                    errors.add(path + ": unexpected field " + name);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.get("items"), root, path + "/" + i, errors);
            }
        }
    }

    private static String typeOf(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return v.isArray() ? "array" : "object";
    }

    private static void collectObjectSchemas(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            if (node.has("properties")) {
                out.add(node);
            }
            node.forEach(child -> collectObjectSchemas(child, out));
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> s = new TreeSet<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> s.add(n.asText()));
        }
        return s;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> s = new TreeSet<>();
        object.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
