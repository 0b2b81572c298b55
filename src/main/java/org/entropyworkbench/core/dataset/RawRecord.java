package org.entropyworkbench.core.dataset;

import java.util.List;
import java.util.Map;

/**
 * One row of a dataset file before it is mapped to a {@link Problem}.
 *
 * @param locator  where the row is, for messages: "line 7" (JSONL, CSV) or "record 3" (JSON)
 * @param ordinal  1-based line number (JSONL, CSV: line the row starts on) or record index (JSON)
 * @param fields   every non-null field as text, in file order (JSON arrays and objects as JSON text)
 * @param lists    the fields whose JSON value is an array of scalars, as lists of text
 */
record RawRecord(String locator, int ordinal, Map<String, String> fields, Map<String, List<String>> lists) {
    RawRecord {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        lists = Map.copyOf(lists);
    }

    /** The field's text, or null when the row does not have it. */
    String text(String field) {
        return fields.get(field);
    }
}
