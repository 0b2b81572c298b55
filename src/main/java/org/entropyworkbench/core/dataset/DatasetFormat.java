package org.entropyworkbench.core.dataset;

import java.util.Locale;

/** The file formats {@link DatasetLoader} reads. */
public enum DatasetFormat {
    /** One JSON object per line. */
    JSONL,
    /** A JSON array of objects, or an object holding such an array in a field like "data" or "rows". */
    JSON,
    /** Comma-separated values with a header row (RFC 4180). */
    CSV,
    /** Tab-separated values with a header row, quoted like CSV. */
    TSV;

    /**
     * Picks the format from the file extension (.jsonl/.ndjson, .json, .csv, .tsv/.tab), and from
     * the first non-blank character when the extension says nothing: '[' is JSON, '{' JSON Lines,
     * anything else CSV. A ".jsonl" file that starts with '[' is read as JSON; a ".json" file that
     * holds several objects falls back to JSON Lines in the reader.
     */
    static DatasetFormat guess(String fileName, String content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        char first = firstNonBlank(content);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return first == '[' ? JSON : JSONL;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return TSV;
        }
        if (first == '[') {
            return JSON;
        }
        return first == '{' ? JSONL : CSV;
    }

    private static char firstNonBlank(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }
}
