package org.entropyworkbench.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python sketch in docs/calibration.md computes what the workbench computes (issue 9, item 19):
 * it is run with python3 on positions with duplicate token texts, positive, string, null and sentinel
 * logprobs, and on a calibration whose chosen rule has {@code tau: null}. Skipped without python3.
 */
class CalibrationDocSnippetTest {

    private static final String[][] TOKENS = {
            {"a", "b", "c"},
            {"a", "a", "b"},
            {"a", "b"},
            {"a", "b", "c", "d"},
            {"a", "b", "c"},
    };
    /** The logprobs as JSON values (strings and nulls as servers send them). */
    private static final String[][] JSON_LOGPROBS = {
            {"-0.1", "-2.5", "-3"},
            {"-0.5", "-1.5", "-1.0"},
            {"1e-6", "-4"},
            {"\"-0.25\"", "null", "\"-1.75\"", "-9999"},
            {"\"-inf\"", "-0.3", "-1.2"},
    };
    /** The same values as the workbench reads them (a string is parsed, null is NaN). */
    private static final double[][] LOGPROBS = {
            {-0.1, -2.5, -3},
            {-0.5, -1.5, -1.0},
            {1e-6, -4},
            {-0.25, Double.NaN, -1.75, -9999},
            {Double.NEGATIVE_INFINITY, -0.3, -1.2},
    };

    @TempDir
    Path dir;

    @Test
    void theDocsPythonSketchAgreesWithTheWorkbench() throws Exception {
        Assumptions.assumeTrue(python3Available(), "skipped: no python3 to run the docs' sketch");
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        String doc = Files.readString(Path.of(base, "docs", "calibration.md"));
        int from = doc.indexOf("```python\n") + "```python\n".length();
        String code = doc.substring(from, doc.indexOf("```", from));
        String definitions = code.substring(0, code.indexOf("tau, k = load_threshold("));

        Path unavailable = dir.resolve("unavailable.json");
        Files.writeString(unavailable, "{\"format\":\"entropy-workbench-calibration\",\"version\":1,\"k\":20,"
                + "\"chosenMethod\":\"bayes-optimal\",\"methods\":{\"bayes-optimal\":{\"tau\":null,\"available\":false,"
                + "\"note\":\"no root between the class means\"},\"entropy-mean\":{\"tau\":0.81,\"available\":true}}}");
        StringBuilder positions = new StringBuilder("[");
        for (int i = 0; i < TOKENS.length; i++) {
            positions.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < TOKENS[i].length; j++) {
                positions.append(j == 0 ? "" : ",").append("{\"token\":\"").append(TOKENS[i][j]).append("\",\"logprob\":")
                        .append(JSON_LOGPROBS[i][j]).append('}');
            }
            positions.append(']');
        }
        positions.append(']');
        String harness = definitions + "\nimport sys\n"
                + "positions = json.loads(sys.argv[1])\n"
                + "print(json.dumps([token_entropy_bits(p, 20) for p in positions]))\n"
                + "print(load_threshold(sys.argv[2], 'entropy-mean'))\n"
                + "try:\n    load_threshold(sys.argv[2])\n    print('no error')\n"
                + "except ValueError as e:\n    print('refused:', e)\n"
                + "print(load_threshold(sys.argv[3]))\n";
        Path custom = dir.resolve("custom-v2.json");
        Files.writeString(custom, "{\"format\":\"entropy-workbench-calibration\",\"version\":2,\"k\":10,"
                + "\"chosenMethod\":\"custom\",\"chosenTau\":0.9,\"methods\":{}}");
        Process p = new ProcessBuilder("python3", "-c", harness, positions.toString(), unavailable.toString(),
                custom.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();

        JsonNode pythonEntropies = new ObjectMapper().readTree(lines[0]);
        for (int i = 0; i < TOKENS.length; i++) {
            double workbench = TopKEntropy.forThisThread().entropyBits(LOGPROBS[i], TOKENS[i], TOKENS[i].length);
            assertThat(pythonEntropies.get(i).asDouble()).as("position %d", i).isCloseTo(workbench,
                    org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(lines[1]).isEqualTo("(0.81, 20)");
        assertThat(lines[2]).startsWith("refused:").contains("bayes-optimal has no threshold", "no root");
        assertThat(lines[3]).as("version 2: the chosen (here custom) tau").isEqualTo("(0.9, 10)");
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
