package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileException;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.calibration.CalibrationFileWriter;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetException;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileException;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * The readers the fuzz pass attacks, each with a small valid input made on the spot: a simulated
 * run file (with raw top-k), an AIME-shaped JSONL dataset, a GPQA-shaped CSV dataset (rows invented
 * here, no GPQA text) and a calibration file written by the project's writer.
 */
public final class FuzzTargets {

    private FuzzTargets() {
    }

    /** All four targets; {@code scratch} holds the files their valid inputs are made from. */
    public static List<ReaderFuzz.Target> all(Path scratch) {
        return List.of(runFile(scratch), jsonlDataset(), csvDataset(), calibration(scratch));
    }

    static Path simulatedRun(Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Path file = scratch.resolve("fuzz-seed-run.jsonl");
        if (!Files.exists(file)) {
            SimulationSettings s = new SimulationSettings(SimulationProfile.reasoning(), 12, 5L, 12, AnswerKind.INTEGER,
                    "fuzz", true, Instant.EPOCH);
            new RunSimulator(s).writeTo(file);
        }
        return file;
    }

    public static ReaderFuzz.Target runFile(Path scratch) {
        return new ReaderFuzz.Target() {
            @Override
            public String name() { return "run file reader"; }

            @Override
            public String fileName() { return "fuzzed-run.jsonl"; }

            @Override
            public byte[] validInput() throws IOException { return Files.readAllBytes(simulatedRun(scratch)); }

            @Override
            public ReaderFuzz.Outcome read(Path file) throws IOException {
                RunFile run = RunFileReader.read(file, RunFileReader.Detail.FULL);
                return run.problems().isEmpty() && !run.partialTail() ? ReaderFuzz.Outcome.LOADED_CLEAN
                        : ReaderFuzz.Outcome.LOADED_WITH_PROBLEMS;
            }

            @Override
            public boolean isOwnError(Throwable error) { return error instanceof RunFileException; }
        };
    }

    public static ReaderFuzz.Target jsonlDataset() {
        return datasetTarget("dataset loader (JSONL)", "fuzzed-dataset.jsonl", () -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= 16; i++) {
                sb.append("{\"id\":\"bench-").append(i).append("\",\"problem\":\"Invented problem ").append(i)
                        .append(": how many integers n with 1 <= n <= ").append(10 * i).append(" are even?\",\"answer\":")
                        .append(i % 2 == 0 ? String.valueOf(5 * i) : "\"" + 5 * i + "\"").append("}\n");
            }
            return sb.toString();
        });
    }

    public static ReaderFuzz.Target csvDataset() {
        return datasetTarget("dataset loader (CSV, GPQA-shaped)", "fuzzed-dataset.csv", () -> {
            StringBuilder sb = new StringBuilder("Record ID,Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3\n");
            for (int i = 1; i <= 12; i++) {
                sb.append("rec").append(i).append(",\"Invented question ").append(i)
                        .append(", with a comma and \"\"quotes\"\"\nand a second line?\",Alpha ").append(i)
                        .append(",Beta ").append(i).append(",Gamma ").append(i).append(",Delta ").append(i).append('\n');
            }
            return sb.toString();
        });
    }

    private interface Text {
        String make();
    }

    private static ReaderFuzz.Target datasetTarget(String name, String fileName, Text text) {
        return new ReaderFuzz.Target() {
            @Override
            public String name() { return name; }

            @Override
            public String fileName() { return fileName; }

            @Override
            public byte[] validInput() { return text.make().getBytes(StandardCharsets.UTF_8); }

            @Override
            public ReaderFuzz.Outcome read(Path file) throws IOException {
                Dataset d = DatasetLoader.load(file, null);
                return d.warnings().isEmpty() ? ReaderFuzz.Outcome.LOADED_CLEAN : ReaderFuzz.Outcome.LOADED_WITH_PROBLEMS;
            }

            @Override
            public boolean isOwnError(Throwable error) { return error instanceof DatasetException; }
        };
    }

    public static ReaderFuzz.Target calibration(Path scratch) {
        return new ReaderFuzz.Target() {
            @Override
            public String name() { return "calibration file reader"; }

            @Override
            public String fileName() { return "fuzzed-calibration.json"; }

            @Override
            public byte[] validInput() throws IOException {
                Path file = scratch.resolve("fuzz-seed-calibration.json");
                if (!Files.exists(file)) {
                    RunAnalysis analysis = RunAnalysis.of(RunFileReader.read(simulatedRun(scratch)), AnalysisOptions.defaults());
                    CalibrationFileWriter.write(file, CalibrationFile.from(analysis, ThresholdMethod.ENTROPY_MEAN, "bench",
                            Instant.EPOCH));
                }
                return Files.readAllBytes(file);
            }

            @Override
            public ReaderFuzz.Outcome read(Path file) throws IOException {
                CalibrationFileReader.read(file);
                return ReaderFuzz.Outcome.LOADED_CLEAN;
            }

            @Override
            public boolean isOwnError(Throwable error) { return error instanceof CalibrationFileException; }
        };
    }
}
