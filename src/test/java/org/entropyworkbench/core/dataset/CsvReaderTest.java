package org.entropyworkbench.core.dataset;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

    private static List<List<String>> fields(CsvReader.Result r) {
        return r.rows().stream().map(CsvReader.Row::fields).toList();
    }

    @Test
    void readsPlainRowsWithLfCrlfAndCrLineEnds() {
        CsvReader.Result r = CsvReader.read("a,b\n1,2\r\n3,4\r5,6", ',', "t.csv");
        assertThat(fields(r)).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
        assertThat(r.rows()).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 4);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() {
        String text = "q,a\n\"one, two\",\"say \"\"hi\"\"\"\n\"line1\r\nline2\",x\nlast,row\n";
        CsvReader.Result r = CsvReader.read(text, ',', "t.csv");
        assertThat(fields(r)).containsExactly(
                List.of("q", "a"),
                List.of("one, two", "say \"hi\""),
                List.of("line1\nline2", "x"),
                List.of("last", "row"));
        assertThat(r.rows().get(3).line()).as("line count includes the quoted line break").isEqualTo(5);
    }

    @Test
    void dropsByteOrderMarkAndSkipsBlankLines() {
        CsvReader.Result r = CsvReader.read("\uFEFFid,x\n\n1,2\n   \n", ',', "t.csv");
        assertThat(fields(r)).containsExactly(List.of("id", "x"), List.of("1", "2"));
    }

    @Test
    void keepsEmptyFieldsAndTrailingDelimiter() {
        CsvReader.Result r = CsvReader.read("a,b,c\n,,\n1,,3,\n", ',', "t.csv");
        assertThat(fields(r)).containsExactly(List.of("a", "b", "c"), List.of("", "", ""), List.of("1", "", "3", ""));
    }

    @Test
    void quotedEmptyFieldIsAField() {
        CsvReader.Result r = CsvReader.read("a,b\n\"\",x\n", ',', "t.csv");
        assertThat(fields(r).get(1)).containsExactly("", "x");
    }

    @Test
    void strayQuoteInsideUnquotedFieldIsKeptAsText() {
        CsvReader.Result r = CsvReader.read("a,b\n5\" pipe,x\n", ',', "t.csv");
        assertThat(fields(r).get(1)).containsExactly("5\" pipe", "x");
    }

    @Test
    void unclosedQuoteKeepsEarlierRowsAndWarnsWithItsLine() {
        CsvReader.Result r = CsvReader.read("a,b\n1,2\n3,\"never closed\n4,5\n", ',', "broken.csv");
        assertThat(fields(r)).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("broken.csv line 3: a quoted field starting here is never closed");
    }

    @Test
    void tabDelimiter() {
        CsvReader.Result r = CsvReader.read("a\tb\n\"x\ty\"\t2\n", '\t', "t.tsv");
        assertThat(fields(r).get(1)).containsExactly("x\ty", "2");
    }
}
