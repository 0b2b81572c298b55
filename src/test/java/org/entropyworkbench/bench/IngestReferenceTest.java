package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java ingest and the plain Python reference compute the same entropies from the same files. */
class IngestReferenceTest {

    @TempDir
    Path dir;

    @Test
    void bothFormatsGiveTheSameRecordsAndMeans() throws Exception {
        Path run = IngestData.runFile(dir, 3, 5L);
        Path openAi = IngestData.openAiFile(dir, 3, 5L);
        IngestBench.Ingested fromRun = IngestBench.ingestRunFile(run);
        IngestBench.Ingested fromOpenAi = OpenAiIngest.importAndMeasure(openAi);

        assertThat(fromRun.records()).isEqualTo(3L * IngestData.TOKENS_PER_STEP);
        assertThat(fromOpenAi.records()).isEqualTo(fromRun.records());
        for (int j = 0; j < 4; j++) {
            assertThat(fromOpenAi.means()[j]).as("k index " + j).isCloseTo(fromRun.means()[j], within(1e-4));
        }
        assertThat(fromRun.means()[0]).as("smaller k, lower entropy").isLessThan(fromRun.means()[3]);
    }

    @Test
    void pythonReferenceAgreesWithJava() throws Exception {
        String python = PythonReference.detectPython();
        Path script = PythonReference.locateScript();
        assumeTrue(python != null && script != null, "python3 and bench/reference_ingest.py needed");
        Path run = IngestData.runFile(dir, 2, 8L);
        IngestBench.Ingested java = IngestBench.ingestRunFile(run);
        PythonReference.Result py = PythonReference.run(python, script, "run", run, 120);

        assertThat(py.records()).isEqualTo(java.records());
        assertThat(py.usable()).isEqualTo(java.usable());
        for (int j = 0; j < 4; j++) {
            assertThat(py.means()[j]).isCloseTo(java.means()[j], within(1e-9));
        }
    }
}
