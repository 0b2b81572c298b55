package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetException;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.core.simulate.DatasetQuestions;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.simulate.RunSimulator;
import org.entropyworkbench.core.simulate.SimulationProfile;
import org.entropyworkbench.core.simulate.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ew simulate}: writes a seeded, simulated 4-step run (streamed to disk, any size). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a simulated 4-step run: seeded, reproducible, marked simulated in its header.",
                "Profiles: reasoning (correct answers have clearly lower step-1 entropy, d about 0.8) and"
                + " instruction (no separation, d about -0.2).",
                "With --dataset builtin:NAME or a dataset file, the run uses that dataset's question ids and expected"
                + " answers (simulated answers are the gold answer or a different one), so it can be replayed with"
                + " 'ew run --dataset ... --preset replay --replay FILE' and graded against the dataset.",
                "Example (the ~10-million-token performance run): ew simulate --profile reasoning --questions 2000"
                + " --seed 7 --max-token-records 1250 -o target/perf-run.jsonl",
                "Example (a recording of the built-in dataset): ew simulate --profile reasoning --dataset builtin:mini"
                + " --seed 3 -o mini-sim.jsonl"})
final class SimulateCommand implements Callable<Integer> {

    private static final String BUILTIN = "builtin:";

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "P", description = "reasoning or instruction.")
    private String profile;

    @Option(names = "--questions", paramLabel = "N",
            description = "Number of questions (required without a dataset; with one, its first N, default all).")
    private Integer questions;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed.")
    private long seed;

    @Option(names = "--max-token-records", defaultValue = "0", paramLabel = "M",
            description = "Cap on per-token records per step (0 = none); completion token counts stay realistic"
                    + " and capped steps are flagged sampled-tokens (default ${DEFAULT-VALUE}).")
    private int maxTokenRecords;

    @Option(names = "--answer-kind", paramLabel = "KIND",
            description = "integer (AIME-like) or multiple-choice (GPQA-like) (default integer, or the dataset's kind).")
    private String answerKind;

    @Option(names = "--dataset", paramLabel = "NAME|builtin:NAME|FILE",
            description = "builtin:NAME or an existing dataset file (JSONL, JSON, CSV; fields auto-detected): take the"
                    + " question ids and expected answers from it; a file that does not exist is an error. A plain name"
                    + " (no folder, no file extension) is only the header's dataset label.")
    private String dataset;

    @Option(names = "--shuffle-seed", defaultValue = "0", paramLabel = "S",
            description = "With a multiple-choice dataset: the run seed of the option shuffle, as 'ew run --seed'"
                    + " (default ${DEFAULT-VALUE}).")
    private long shuffleSeed;

    @Option(names = "--include-top", description = "Also write the raw top-20 alternatives of every token (much larger).")
    private boolean includeTop;

    @Option(names = "--created-at", paramLabel = "INSTANT",
            description = "Timestamp for the header, ISO-8601 (default: now); fix it for byte-identical files.")
    private String createdAt;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Run file to write; a name ending in .gz is gzip-compressed.")
    private Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SimulationSettings settings = settings();
        if (force) {
            Files.deleteIfExists(output);
        }
        RunSimulator simulator = new RunSimulator(settings);
        long[] tokenRecords = new long[1];
        long[] steps = new long[1];
        Iterable<StepRecord> counted = () -> {
            Iterator<StepRecord> it = simulator.steps().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public StepRecord next() {
                    StepRecord r = it.next();
                    steps[0]++;
                    tokenRecords[0] += r.tokenRecordCount();
                    return r;
                }
            };
        };
        RunFileWriter.writeAll(output, simulator.header(), counted);
        out.printf(java.util.Locale.ROOT, "wrote %s: simulated %s run, %d questions, %d steps, %d token records, seed %d (%d bytes)%n",
                output, settings.profile().name(), settings.questions(), steps[0], tokenRecords[0], seed,
                Files.size(output));
        out.flush();
        return 0;
    }

    private SimulationSettings settings() throws DatasetException {
        SimulationProfile simulated = SimulationProfile.byName(profile);
        if (dataset != null && !namesDataset() && looksLikeAFile(dataset)) {
            throw new CliErrors.CliFailure("dataset file " + dataset + " not found (--dataset takes builtin:NAME, an"
                    + " existing dataset file, or a plain label without a folder or file extension)");
        }
        if (!namesDataset()) {
            if (questions == null) {
                throw new CliErrors.CliFailure("--questions is required (or --dataset builtin:NAME|FILE to simulate a dataset)");
            }
            AnswerKind kind = AnswerKind.fromWireName(answerKind == null ? AnswerKind.INTEGER.wireName() : answerKind);
            return new SimulationSettings(simulated, questions, seed, maxTokenRecords, kind, dataset, includeTop, instant());
        }
        Dataset data = dataset.startsWith(BUILTIN) ? BuiltInDatasets.load(dataset.substring(BUILTIN.length()))
                : DatasetLoader.load(Path.of(dataset), null);
        PrintWriter err = spec.commandLine().getErr();
        data.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        if (questions != null && (questions < 1 || questions > data.problems().size())) {
            throw new CliErrors.CliFailure("--questions must be 1 to " + data.problems().size() + " for dataset "
                    + data.name() + ", got " + questions);
        }
        if (answerKind != null && AnswerKind.fromWireName(answerKind) != data.kind()) {
            throw new CliErrors.CliFailure("--answer-kind " + answerKind + " contradicts dataset " + data.name()
                    + ", whose answers are " + data.kind().wireName() + " (leave --answer-kind out)");
        }
        DatasetQuestions from = DatasetQuestions.of(data, shuffleSeed, questions == null ? 0 : questions);
        return SimulationSettings.forDataset(simulated, from, seed, maxTokenRecords, null, includeTop, instant());
    }

    /** A value meant as a file: it has a folder part or a dataset file extension. */
    private static boolean looksLikeAFile(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return v.contains("/") || v.contains("\\") || v.endsWith(".jsonl") || v.endsWith(".json") || v.endsWith(".csv")
                || v.endsWith(".tsv") || v.endsWith(".gz");
    }

    /** {@code --dataset} names a dataset to take questions from (not just a label): builtin:NAME or an existing file. */
    private boolean namesDataset() {
        return dataset != null && (dataset.startsWith(BUILTIN) || Files.isRegularFile(Path.of(dataset)));
    }

    private Instant instant() {
        if (createdAt == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--created-at must be an ISO-8601 instant such as 2025-01-01T00:00:00Z, got '"
                    + createdAt + "'");
        }
    }
}
