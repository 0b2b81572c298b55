package org.entropyworkbench.core.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads datasets from JSONL, JSON and CSV/TSV files (UTF-8, optional byte order mark).
 *
 * <p>The field mapping is auto-detected when none is given (see {@link FieldMappingDetector}), and
 * the answer kind is detected when the mapping leaves it open: options make it multiple choice,
 * integers 0..999 in every row make it integer, anything else free. Malformed rows are skipped with
 * a warning such as {@code aime.jsonl line 7: field "answer" is missing}; duplicate ids are warned
 * about and made unique with a "-2", "-3" suffix. A file that is unreadable, empty, of an unknown
 * shape, or has no usable row is refused with a {@link DatasetException}.
 *
 * <p>Blocking file I/O: call it from a background thread in the UI. Stateless; any thread.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /**
     * @param file    the dataset file
     * @param mapping the fields to use, or null to auto-detect them
     */
    public static Dataset load(Path file, FieldMapping mapping) throws DatasetException {
        String sourceName = sourceName(file);
        return fromText(sourceName, stripExtension(sourceName), file, readText(file), mapping);
    }

    /**
     * Loads a dataset from text already in memory (built-in datasets from the classpath).
     *
     * @param sourceName file name used to guess the format and in messages, e.g. "builtin-mini.jsonl"
     * @param name       the dataset's display name
     * @param source     the file it came from, or null
     */
    public static Dataset fromText(String sourceName, String name, Path source, String content, FieldMapping mapping)
            throws DatasetException {
        RawTable table = RawTableReader.read(sourceName, content);
        FieldMapping chosen = mapping != null ? mapping : FieldMappingDetector.detect(table.columns())
                .orElseThrow(() -> new DatasetException(sourceName + ": cannot tell which fields hold the question"
                        + " and the answer (fields found: " + String.join(", ", table.columns())
                        + "); name them with a field mapping (the Datasets screen's dialog, or --question-field and"
                        + " --answer-field on the command line)"));
        checkFieldsExist(sourceName, table, chosen);
        AnswerKind kind = chosen.kind() != null ? chosen.kind() : detectKind(table, chosen);

        List<String> warnings = new ArrayList<>(table.warnings());
        List<Problem> problems = new ArrayList<>();
        RowConverter converter = new RowConverter(sourceName, chosen, kind);
        Set<String> ids = new HashSet<>();
        for (RawRecord row : table.records()) {
            RowConverter.Outcome outcome = converter.convert(row);
            if (outcome.problem() == null) {
                warnings.add(outcome.warning());
                continue;
            }
            Problem p = outcome.problem();
            if (!ids.add(p.id())) {
                String unique = uniqueId(p.id(), ids);
                warnings.add(sourceName + " " + row.locator() + ": duplicate id \"" + p.id() + "\", renamed to \""
                        + unique + "\"");
                p = new Problem(unique, p.question(), p.answer(), p.options(), p.kind());
            }
            problems.add(p);
        }
        if (problems.isEmpty()) {
            String reason = warnings.isEmpty() ? "the file has no rows" : "first problem: " + warnings.get(0);
            throw new DatasetException(sourceName + ": no usable row (" + table.records().size() + " read, "
                    + warnings.size() + " skipped; " + reason + ")");
        }
        return new Dataset(name, source, kind, problems, warnings);
    }

    /**
     * Reads a file's columns and first rows, and auto-detects a mapping (null when none fits),
     * for the field-mapping dialog.
     */
    public static DatasetPreview preview(Path file, int maxRows) throws DatasetException {
        String sourceName = sourceName(file);
        RawTable table = RawTableReader.read(sourceName, readText(file));
        FieldMapping detected = FieldMappingDetector.detect(table.columns()).orElse(null);
        if (detected != null && detected.kind() == null) {
            detected = detected.withKind(detectKind(table, detected));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (RawRecord row : table.records().subList(0, Math.min(Math.max(maxRows, 0), table.records().size()))) {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String column : table.columns()) {
                String value = row.text(column);
                if (value != null) {
                    ordered.put(column, value);
                }
            }
            rows.add(Collections.unmodifiableMap(ordered));
        }
        return new DatasetPreview(file, table.format(), table.columns(), rows, table.records().size(), detected,
                table.warnings());
    }

    /** INTEGER when every row with an answer has an integer 0..999, MULTIPLE_CHOICE with options, else FREE. */
    static AnswerKind detectKind(RawTable table, FieldMapping mapping) {
        if (mapping.hasOptions()) {
            return AnswerKind.MULTIPLE_CHOICE;
        }
        boolean any = false;
        for (RawRecord row : table.records()) {
            String answer = row.text(mapping.answerField());
            if (answer == null || answer.isBlank()) {
                continue;
            }
            if (IntegerAnswers.canonical(answer) == null) {
                return AnswerKind.FREE;
            }
            any = true;
        }
        return any ? AnswerKind.INTEGER : AnswerKind.FREE;
    }

    private static void checkFieldsExist(String sourceName, RawTable table, FieldMapping mapping)
            throws DatasetException {
        for (String field : mapping.referencedFields()) {
            if (!table.columns().contains(field)) {
                throw new DatasetException(sourceName + ": field \"" + field + "\" not found (fields found: "
                        + String.join(", ", table.columns()) + ")");
            }
        }
    }

    private static String uniqueId(String id, Set<String> taken) {
        int k = 2;
        while (taken.contains(id + "-" + k)) {
            k++;
        }
        String unique = id + "-" + k;
        taken.add(unique);
        return unique;
    }

    private static String readText(Path file) throws DatasetException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found", e);
        } catch (CharacterCodingException e) {
            throw new DatasetException(sourceName(file) + ": not UTF-8 text (save it as UTF-8)", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    private static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
