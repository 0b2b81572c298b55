package org.entropyworkbench.core.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the field-mapping dialog shows before a dataset is loaded.
 *
 * @param file            the previewed file
 * @param format          the format it was read as
 * @param columns         every field name found, in first-seen order
 * @param rows            the first rows, field name to text, in column order
 * @param totalRows       number of rows that could be read (before mapping)
 * @param detectedMapping the auto-detected mapping with its detected kind, or null when none fits
 * @param warnings        rows that could not be read at all
 */
public record DatasetPreview(Path file, DatasetFormat format, List<String> columns, List<Map<String, String>> rows,
                             int totalRows, FieldMapping detectedMapping, List<String> warnings) {
    public DatasetPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
