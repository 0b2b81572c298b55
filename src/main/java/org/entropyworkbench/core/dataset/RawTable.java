package org.entropyworkbench.core.dataset;

import java.util.List;

/**
 * The rows of a dataset file as read, before field mapping.
 *
 * @param format   the format the file was read as
 * @param columns  every field name seen, in first-seen order
 * @param records  the rows that could be read
 * @param warnings rows that could not be read (not JSON, wrong number of CSV fields, ...)
 */
record RawTable(DatasetFormat format, List<String> columns, List<RawRecord> records, List<String> warnings) {
    RawTable {
        columns = List.copyOf(columns);
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }
}
