package org.entropyworkbench.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entropyworkbench.core.json.JsonErrorText;

/**
 * Turns the text of a JSONL, JSON or CSV/TSV file into {@link RawRecord}s. Rows that cannot be
 * read become warnings; a file whose overall shape is wrong is a {@link DatasetException}.
 * Stateless; any thread.
 */
final class RawTableReader {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Field names that usually hold the list of rows in a JSON object, in order of preference. */
    private static final List<String> LIST_FIELDS =
            List.of("data", "rows", "problems", "questions", "items", "examples", "records", "test", "train");

    private RawTableReader() {
    }

    static RawTable read(String sourceName, String content) throws DatasetException {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.isBlank()) {
            throw new DatasetException(sourceName + ": the file is empty");
        }
        DatasetFormat format = DatasetFormat.guess(sourceName, text);
        return switch (format) {
            case JSONL -> readJsonLines(sourceName, text);
            case JSON -> readJsonDocument(sourceName, text);
            case CSV -> readDelimited(sourceName, text, ',', DatasetFormat.CSV);
            case TSV -> readDelimited(sourceName, text, '\t', DatasetFormat.TSV);
        };
    }

    private static RawTable readJsonLines(String sourceName, String text) {
        List<RawRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                warnings.add(sourceName + " line " + lineNumber + (JsonErrorText.isSizeLimit(e)
                        ? ": too long to read (" + String.format(java.util.Locale.ROOT, "%,d", line.length())
                                + " characters): " + JsonErrorText.reason(e) + "; the row was skipped"
                        : ": not valid JSON (" + JsonErrorText.reason(e) + ")"));
                continue;
            }
            if (node == null || !node.isObject()) {
                warnings.add(sourceName + " line " + lineNumber + ": not a JSON object");
                continue;
            }
            RawRecord rec = toRecord("line " + lineNumber, lineNumber, node);
            columns.addAll(rec.fields().keySet());
            records.add(rec);
        }
        return new RawTable(DatasetFormat.JSONL, new ArrayList<>(columns), records, warnings);
    }

    private static RawTable readJsonDocument(String sourceName, String text) throws DatasetException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (text.stripLeading().startsWith("{")) {
                return readJsonLines(sourceName, text);
            }
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new DatasetException(sourceName + (line > 0 ? " line " + line : "")
                    + (JsonErrorText.isSizeLimit(e) ? ": too long to read: " + JsonErrorText.reason(e)
                            : ": not valid JSON (" + JsonErrorText.reason(e) + ")"), e);
        }
        JsonNode array = root.isArray() ? root : findRowList(root);
        if (array == null) {
            throw new DatasetException(sourceName + ": expected a JSON array of objects, or an object with a list"
                    + " field such as \"data\", \"rows\" or \"problems\"");
        }
        List<RawRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode element : array) {
            index++;
            JsonNode row = unwrapRow(element);
            if (!row.isObject()) {
                warnings.add(sourceName + " record " + index + ": not a JSON object");
                continue;
            }
            RawRecord rec = toRecord("record " + index, index, row);
            columns.addAll(rec.fields().keySet());
            records.add(rec);
        }
        return new RawTable(DatasetFormat.JSON, new ArrayList<>(columns), records, warnings);
    }

    /** The array of rows inside a JSON object: a well-known field name first, else the only array of objects. */
    private static JsonNode findRowList(JsonNode root) {
        if (!root.isObject()) {
            return null;
        }
        for (String name : LIST_FIELDS) {
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(name) && e.getValue().isArray()) {
                    return e.getValue();
                }
            }
        }
        JsonNode found = null;
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            JsonNode value = it.next().getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                if (found != null) {
                    return null;
                }
                found = value;
            }
        }
        return found;
    }

    /** Hugging Face dataset-viewer exports wrap each row as {"row_idx": n, "row": {...}}. */
    private static JsonNode unwrapRow(JsonNode element) {
        JsonNode inner = element.get("row");
        if (element.isObject() && inner != null && inner.isObject() && element.size() <= 3) {
            return inner;
        }
        return element;
    }

    private static RawRecord toRecord(String locator, int ordinal, JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (value.isValueNode()) {
                fields.put(e.getKey(), value.asText());
            } else {
                fields.put(e.getKey(), value.toString());
                if (value.isArray() && allScalars(value)) {
                    List<String> items = new ArrayList<>();
                    value.forEach(v -> items.add(v.asText()));
                    lists.put(e.getKey(), items);
                }
            }
        }
        return new RawRecord(locator, ordinal, fields, lists);
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isValueNode() || v.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static RawTable readDelimited(String sourceName, String text, char delimiter, DatasetFormat format)
            throws DatasetException {
        CsvReader.Result csv = CsvReader.read(text, delimiter, sourceName);
        List<String> warnings = new ArrayList<>(csv.warnings());
        if (csv.rows().isEmpty()) {
            throw new DatasetException(sourceName + ": the file has no header row");
        }
        CsvReader.Row header = csv.rows().get(0);
        List<String> columns = headerNames(sourceName, header, warnings);
        List<RawRecord> records = new ArrayList<>();
        for (CsvReader.Row row : csv.rows().subList(1, csv.rows().size())) {
            if (row.fields().size() > columns.size() && !onlyBlankBeyond(row.fields(), columns.size())) {
                warnings.add(sourceName + " line " + row.line() + ": has " + row.fields().size()
                        + " fields but the header has " + columns.size() + " (an unquoted comma?)");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.size() && i < row.fields().size(); i++) {
                fields.put(columns.get(i), row.fields().get(i));
            }
            records.add(new RawRecord("line " + row.line(), row.line(), fields, Map.of()));
        }
        return new RawTable(format, columns, records, warnings);
    }

    private static boolean onlyBlankBeyond(List<String> fields, int count) {
        return fields.subList(count, fields.size()).stream().allMatch(String::isBlank);
    }

    /** Header names, trimmed; blank ones become "column-N" and repeated ones get a "-2" suffix. */
    private static List<String> headerNames(String sourceName, CsvReader.Row header, List<String> warnings) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim();
            if (name.isEmpty()) {
                name = "column-" + (i + 1);
            }
            if (!seen.add(name)) {
                String base = name;
                int k = 2;
                while (!seen.add(base + "-" + k)) {
                    k++;
                }
                name = base + "-" + k;
                warnings.add(sourceName + " line " + header.line() + ": column \"" + base
                        + "\" appears more than once; the repeat is called \"" + name + "\"");
            }
            names.add(name);
        }
        return names;
    }
}
