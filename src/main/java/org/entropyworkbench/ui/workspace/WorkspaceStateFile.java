package org.entropyworkbench.ui.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.threshold.BayesPriors;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link WorkspaceState} as {@code workspace.json} in the user's state directory.
 * A missing or unreadable file gives the empty state (logged, never an error dialog: a lost
 * workspace memory must not stop the window from opening); a bad entry is skipped. Any thread.
 */
public final class WorkspaceStateFile {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceStateFile.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int VERSION = 1;

    private final Path file;

    public WorkspaceStateFile(Path file) {
        this.file = file;
    }

    public Path file() { return file; }

    /** The remembered state, or the empty state when there is none or it cannot be read. */
    public WorkspaceState read() {
        if (!Files.isRegularFile(file)) {
            return WorkspaceState.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<WorkspaceState.RunEntry> runs = new ArrayList<>();
            for (JsonNode r : root.path("runs")) {
                try {
                    runs.add(new WorkspaceState.RunEntry(Path.of(r.get("path").textValue()), settings(r.path("settings"))));
                } catch (RuntimeException bad) {
                    LOG.info("{}: skipping a run entry it cannot use: {}", file, bad.toString());
                }
            }
            String selected = root.path("selectedRun").isTextual() ? root.get("selectedRun").textValue() : null;
            return new WorkspaceState(number(root.path("window").path("width")), number(root.path("window").path("height")),
                    selected == null ? null : Path.of(selected), runs);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot read the remembered workspace, starting with an empty one: {}", file, e.toString());
            return WorkspaceState.empty();
        }
    }

    /** Writes {@code state} (via a temporary file and a rename). */
    public void write(WorkspaceState state) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode window = root.putObject("window");
        putNumber(window, "width", state.width());
        putNumber(window, "height", state.height());
        root.put("selectedRun", state.selectedRun() == null ? null : state.selectedRun().toAbsolutePath().toString());
        ArrayNode runs = root.putArray("runs");
        for (WorkspaceState.RunEntry r : state.runs()) {
            ObjectNode n = runs.addObject();
            n.put("path", r.path().toAbsolutePath().toString());
            SessionSettings s = r.settings();
            ObjectNode sn = n.putObject("settings");
            sn.put("k", s.k());
            sn.put("priors", s.priors().id());
            sn.put("rule", s.rule() == null ? "custom" : s.rule().id());
            putNumber(sn, "customTau", s.customTau());
            sn.put("sampleMode", s.sampleMode().name());
            sn.put("shots", s.shots());
            sn.put("seed", s.seed());
            sn.put("draws", s.draws());
            sn.put("signal", s.signal().id());
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".workspace", ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static SessionSettings settings(JsonNode n) {
        SessionSettings d = SessionSettings.defaults();
        if (!n.isObject()) {
            return d;
        }
        String rule = n.path("rule").asText(d.rule().id());
        return new SessionSettings(n.path("k").asInt(d.k()), BayesPriors.fromId(n.path("priors").asText(d.priors().id())),
                "custom".equals(rule) ? null : ThresholdMethod.fromId(rule), number(n.path("customTau")),
                SampleMode.valueOf(n.path("sampleMode").asText(d.sampleMode().name())), n.path("shots").asInt(d.shots()),
                n.path("seed").asLong(d.seed()), n.path("draws").asInt(d.draws()), signal(n.path("signal")));
    }

    /** The remembered signal; a file from before signals, or an id this version lacks, gives the default. */
    private static Signal signal(JsonNode n) {
        if (!n.isTextual()) {
            return Signal.DEFAULT;
        }
        try {
            return Signal.fromId(n.asText());
        } catch (IllegalArgumentException e) {
            return Signal.DEFAULT;
        }
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    private static void putNumber(ObjectNode n, String name, double v) {
        if (Double.isFinite(v)) {
            n.put(name, v);
        } else {
            n.putNull(name);
        }
    }
}
