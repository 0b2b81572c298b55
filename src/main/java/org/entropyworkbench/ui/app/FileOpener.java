package org.entropyworkbench.ui.app;

import org.entropyworkbench.ui.workspace.RunFileLoader;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetLoader;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.ui.task.TaskExecutor;

/**
 * Opens any file the user gives the workbench (menu, drag-and-drop, recent list, start-up
 * samples) and routes it by content: a run file (first line is a run header, plain or gzip), a
 * calibration file (a JSON object with the calibration format name), otherwise a dataset
 * (.jsonl/.json/.csv/.tsv). Reading and analysis run through the {@link TaskExecutor}; results
 * go into the {@link Workspace} on the FX thread, and every file ends with one {@link Outcome}
 * for the reporter (which shows problems to the user). Construct and call on the FX thread.
 */
public final class FileOpener {

    /** What a file holds. */
    public enum FileKind { RUN, CALIBRATION, DATASET, UNSUPPORTED }

    /**
     * How opening one file ended.
     *
     * @param file     the file
     * @param kind     what it was taken for
     * @param loaded   true when something was added to the workspace
     * @param problems lines that could not be used (each naming file and line), possibly empty
     * @param error    why nothing was loaded (naming the file), null when loaded
     */
    public record Outcome(Path file, FileKind kind, boolean loaded, List<String> problems, String error) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Consumer<Outcome> reporter;
    private Consumer<Path> onOpened = p -> { };

    public FileOpener(Workspace workspace, TaskExecutor executor, Consumer<Outcome> reporter) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /** Called (FX thread) with each file that loaded, e.g. to add it to the recent files. */
    public void setOnOpened(Consumer<Path> onOpened) {
        this.onOpened = Objects.requireNonNull(onOpened);
    }

    /**
     * Opens every file (each in its own background task) and hands them to the workspace in the given
     * order, whichever finishes loading first (runs from the summary cache arrive in any order); the
     * first file is selected.
     */
    public void openAll(Collection<Path> files) {
        List<Path> list = List.copyOf(files);
        Runnable[] results = new Runnable[list.size()];
        int[] next = {0};
        for (int i = 0; i < list.size(); i++) {
            Path file = list.get(i);
            boolean select = i == 0;
            int slot = i;
            Consumer<Runnable> arrived = result -> {
                results[slot] = result;
                while (next[0] < results.length && results[next[0]] != null) {
                    results[next[0]++].run();
                }
            };
            executor.submit("Opening " + file.getFileName(), progress -> load(file),
                    loaded -> arrived.accept(() -> deliver(loaded, select)),
                    error -> arrived.accept(() -> reporter.accept(new Outcome(file, FileKind.UNSUPPORTED, false, List.of(),
                            messageOf(file, error)))));
        }
    }

    /** Detects and loads {@code file} in the background and selects it (a run or dataset) when loaded. */
    public void open(Path file) {
        open(file, true);
    }

    /**
     * Detects and loads {@code file} in the background.
     *
     * @param select whether a loaded run or dataset becomes the selected one (otherwise it is only
     *               selected when nothing was)
     */
    public void open(Path file, boolean select) {
        executor.submit("Opening " + file.getFileName(), progress -> load(file),
                loaded -> deliver(loaded, select),
                error -> reporter.accept(new Outcome(file, FileKind.UNSUPPORTED, false, List.of(), messageOf(file, error))));
    }

    /** What background loading produced, handed to the FX thread. */
    private record Loaded(Path file, FileKind kind, Object value, List<String> problems, String error) {
    }

    private Loaded load(Path file) throws IOException {
        FileKind kind = detect(file);
        switch (kind) {
            case RUN -> {
                LoadedRun run = RunFileLoader.load(file);
                return new Loaded(file, kind, run, RunFileLoader.problems(run.summary()), null);
            }
            case CALIBRATION -> {
                CalibrationFile calibration = CalibrationFileReader.read(file);
                return new Loaded(file, kind, calibration, List.of(), null);
            }
            case DATASET -> {
                Dataset dataset = DatasetLoader.load(file, null);
                return new Loaded(file, kind, dataset, dataset.warnings(), null);
            }
            default -> {
                return new Loaded(file, kind, null, List.of(), file.getFileName()
                        + ": not a run, dataset or calibration file (expected .jsonl, .jsonl.gz, .json or .csv)");
            }
        }
    }

    private void deliver(Loaded loaded, boolean select) {
        if (loaded.value() instanceof LoadedRun run) {
            workspace.addRun(run);
            if (select) {
                workspace.selectedRun().set(run);
            }
        } else if (loaded.value() instanceof Dataset dataset) {
            workspace.addDataset(dataset);
            if (select) {
                workspace.selectedDataset().set(dataset);
            }
        } else if (loaded.value() instanceof CalibrationFile calibration) {
            workspace.calibration().set(calibration);
        }
        boolean ok = loaded.value() != null;
        if (ok) {
            onOpened.accept(loaded.file());
        }
        reporter.accept(new Outcome(loaded.file(), loaded.kind(), ok, loaded.problems(), loaded.error()));
    }

    private static String messageOf(Path file, Throwable error) {
        String m = error.getMessage();
        if (m == null || m.isBlank()) {
            m = error.getClass().getSimpleName();
        }
        String name = String.valueOf(file.getFileName());
        return m.contains(name) ? m : name + ": " + m;
    }

    /**
     * Sniffs a file's content (blocking I/O: call off the FX thread). Run files are recognised by
     * their header line whatever the extension; calibration files by their format field.
     */
    public static FileKind detect(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isRunFile(file)) {
            return FileKind.RUN;
        }
        if (name.endsWith(".json") && isCalibrationFile(file)) {
            return FileKind.CALIBRATION;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".tsv")
                || name.endsWith(".ndjson")) {
            return FileKind.DATASET;
        }
        return FileKind.UNSUPPORTED;
    }

    /** True when the first non-blank line is a run header (gzip is unpacked on the fly). */
    static boolean isRunFile(Path file) throws IOException {
        try (InputStream in = openMaybeGzipped(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && line.isBlank()) {
                // skip leading blank lines
            }
            if (line == null || !line.stripLeading().startsWith("{")) {
                return false;
            }
            JsonNode node = JSON.readTree(line);
            return node != null && "header".equals(node.path("type").asText())
                    && RunHeader.FORMAT_NAME.equals(node.path("format").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ZipException e) {
            return false;
        }
    }

    /** True when the file is a JSON object whose top-level "format" names the calibration format. */
    static boolean isCalibrationFile(Path file) throws IOException {
        try (JsonParser p = JSON_FACTORY.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("format".equals(field)) {
                    return value == JsonToken.VALUE_STRING && CalibrationFile.FORMAT.equals(p.getText());
                }
                p.skipChildren();
            }
            return false;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static InputStream openMaybeGzipped(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in);
        }
        return in;
    }

    /** Collects the problems of several outcomes into one list for a dialog. */
    public static List<String> allProblems(Collection<Outcome> outcomes) {
        List<String> all = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                all.add(o.error());
            }
            all.addAll(o.problems());
        }
        return all;
    }
}
