package org.entropyworkbench.core.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: fields separated by a delimiter, records by CRLF, LF or CR; a field in
 * double quotes may hold delimiters, line breaks and doubled quotes ({@code ""}). A leading byte
 * order mark is dropped, blank lines are skipped, and line breaks inside quoted fields come back
 * as {@code \n}. It is lenient where RFC 4180 is strict (a quote inside an unquoted field, or text
 * after a closing quote, is kept as text). A quoted field that is never closed ends the input:
 * the rows before it are kept and a warning names the line it started on. Stateless; any thread.
 */
final class CsvReader {

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    /** The records of a text and the problems met while reading it. */
    record Result(List<Row> rows, List<String> warnings) {
        Result {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }
    }

    private CsvReader() {
    }

    /**
     * @param text       the whole file content
     * @param delimiter  ',' for CSV, '\t' for TSV
     * @param sourceName file name used in warnings
     */
    static Result read(String text, char delimiter, String sourceName) {
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowStartLine = 1;
        int quoteStartLine = 1;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = text.length();
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    field.append('\n');
                    line++;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                inQuotes = true;
                fieldStarted = true;
                quoteStartLine = line;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(rows, rowStartLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                rowStartLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (inQuotes) {
            warnings.add(sourceName + " line " + quoteStartLine
                    + ": a quoted field starting here is never closed; the rest of the file was ignored");
        } else if (fieldStarted || !fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowStartLine, fields);
        }
        return new Result(rows, warnings);
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
            rows.add(new Row(line, fields));
        }
    }
}
