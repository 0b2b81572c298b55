package org.entropyworkbench.core.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Loads and saves an edited {@link PromptSet} as a small JSON object
 * {@code {"system": "...", "step1": "...{question}...", "refine": "..."}} (used by {@code run --prompts}
 * and the prompt editor). "system" may be left out (no system message); "step1" and "refine" are
 * required and must not be blank; unknown fields are refused so a misspelt name is not silently
 * ignored. Saving writes a temporary file and moves it into place. Blocking I/O; any thread.
 */
public final class PromptSetFile {

    private static final List<String> FIELDS = List.of("system", "step1", "refine");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PromptSetFile() {
    }

    public static PromptSet load(Path file) throws PromptSetFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PromptSetFileException(file + ": file not found", e);
        } catch (IOException e) {
            throw new PromptSetFileException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(name, text);
    }

    /** Parses prompt-file text; {@code sourceName} names it in messages. */
    public static PromptSet parse(String sourceName, String text) throws PromptSetFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new PromptSetFileException(sourceName + (line > 0 ? " line " + line : "") + ": not valid JSON ("
                    + JsonErrorText.reason(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PromptSetFileException(sourceName + ": expected a JSON object with fields system, step1 and refine");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new PromptSetFileException(sourceName + ": unknown field \"" + field
                        + "\" (expected system, step1, refine)");
            }
        }
        String system = text(sourceName, root, "system", false);
        String step1 = text(sourceName, root, "step1", true);
        String refine = text(sourceName, root, "refine", true);
        return new PromptSet(system, step1, refine);
    }

    public static void save(Path file, PromptSet prompts) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("system", prompts.system() == null ? "" : prompts.system());
        root.put("step1", prompts.step1());
        root.put("refine", prompts.refine());
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".prompts-", ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String text(String sourceName, JsonNode root, String field, boolean required)
            throws PromptSetFileException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new PromptSetFileException(sourceName + ": field \"" + field + "\" is missing");
            }
            return "";
        }
        if (!value.isTextual()) {
            throw new PromptSetFileException(sourceName + ": field \"" + field + "\" must be a string");
        }
        if (required && value.asText().isBlank()) {
            throw new PromptSetFileException(sourceName + ": field \"" + field + "\" is empty");
        }
        return value.asText();
    }
}
