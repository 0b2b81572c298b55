package org.entropyworkbench.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.WorkbenchVersion;

/**
 * Appends every served request to a run file as ordinary step lines (ungraded), so the workbench
 * opens the record like any run, also while it grows: each line is complete and forced to disk
 * before the next. A request's steps are written together, after its reply. An existing file is
 * continued, not overwritten.
 *
 * <p>Thread-safe (the writer serialises appends). Never sees a header value or a key.
 */
final class ServeRecorder implements Closeable {
    private final RunFileWriter writer;

    private ServeRecorder(RunFileWriter writer) {
        this.writer = writer;
    }

    static ServeRecorder open(ServeConfig config, String model) throws IOException {
        Path file = config.recordFile();
        if (Files.exists(file)) {
            return new ServeRecorder(RunFileWriter.openForAppend(file));
        }
        return new ServeRecorder(RunFileWriter.create(file, header(config, model)));
    }

    static RunHeader header(ServeConfig config, String model) {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("system", "");
        prompts.put("step1", "(the client's messages)");
        prompts.put("refine", config.prompts().refine());
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("source", "ew serve");
        generator.put("serveMode", config.mode().id());
        generator.put("recordText", config.recordText());
        Map<String, Object> calibration = new LinkedHashMap<>(config.calibrationInfo());
        calibration.put("tau", config.gate().tau());
        calibration.put("method", config.gate().rule());
        calibration.put("k", config.gate().k());
        calibration.put("signal", config.gate().signal().id());
        return new RunHeader(RunHeader.FORMAT_VERSION, "serve-" + UUID.randomUUID(), Instant.now().toString(),
                WorkbenchVersion.current(), "serve: " + model + " (" + config.mode().id() + ")", model,
                config.upstream().describe(), "live traffic (ungraded)", null, "free", "gated", config.steps(),
                config.gate().k(), config.temperature(), config.upstream().maxTokens(),
                config.upstream().reasoningEffort(), prompts, false, generator, calibration);
    }

    synchronized void append(List<StepRecord> steps) throws IOException {
        for (StepRecord s : steps) {
            writer.append(s);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
