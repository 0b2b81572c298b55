package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.OpenAiResponseImporter;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Ingest of raw OpenAI chat completion responses the way the project does it: the
 * {@link OpenAiResponseImporter} (default options) reads the responses, computes the entropies for
 * every k and writes a run file without the raw top-k, as {@code ew run} does without
 * {@code --record-top}. The timed part is the import (which includes writing that run file); the
 * means are then read back from the written file (entropies stored with 4 decimals) for the
 * comparison with the Python reference.
 */
final class OpenAiIngest {

    private OpenAiIngest() {
    }

    /** The timed part: imports into a sibling temporary run file, then deletes it. Returns nothing measured. */
    static IngestBench.Ingested importOnly(Path file) throws IOException {
        Path out = importedPath(file);
        Files.deleteIfExists(out);
        try {
            OpenAiResponseImporter.importFile(file, out, OpenAiResponseImporter.Options.defaults());
            return null;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Imports once and reads the written entropies back: records and per-k means, for the comparison. */
    static IngestBench.Ingested importAndMeasure(Path file) throws IOException {
        Path out = importedPath(file);
        Files.deleteIfExists(out);
        try {
            OpenAiResponseImporter.importFile(file, out, OpenAiResponseImporter.Options.defaults());
            return means(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path importedPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".imported.jsonl");
    }

    private static IngestBench.Ingested means(Path runFile) throws IOException {
        RunFile run = RunFileReader.read(runFile, RunFileReader.Detail.SUMMARY);
        int[] ks = TopKEntropy.ABLATION_KS;
        double[] sums = new double[ks.length];
        long records = 0;
        long usable = 0;
        for (StepRecord s : run.steps()) {
            double[] last = s.entropies(ks[ks.length - 1]);
            records += last.length;
            for (int t = 0; t < last.length; t++) {
                if (Double.isNaN(last[t])) {
                    continue;
                }
                usable++;
                for (int j = 0; j < ks.length; j++) {
                    sums[j] += s.entropies(ks[j])[t];
                }
            }
        }
        double[] means = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            means[j] = usable == 0 ? Double.NaN : sums[j] / usable;
        }
        return new IngestBench.Ingested(records, usable, means);
    }
}
