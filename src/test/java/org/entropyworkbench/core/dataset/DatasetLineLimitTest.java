package org.entropyworkbench.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A dataset row too long for the JSON reader is named with its limit, not with Jackson's internals (issue 9). */
class DatasetLineLimitTest {

    @Test
    void aTwentyMegabyteLineNamesTheLimitAndTheOtherRowsLoad() throws Exception {
        String content = "{\"id\":\"a\",\"question\":\"What is 2 + 2?\",\"answer\":\"4\"}\n"
                + "{\"id\":\"b\",\"question\":\"" + "x".repeat(20_500_000) + "\",\"answer\":\"5\"}\n";

        Dataset d = DatasetLoader.fromText("big.jsonl", "big", null, content, null);

        assertThat(d.problems()).hasSize(1);
        assertThat(d.warnings()).singleElement().asString()
                .startsWith("big.jsonl line 2: too long to read (20,500,")
                .contains("a text value is longer than the limit of 20,000,000 characters", "the row was skipped")
                .doesNotContain("not valid JSON").doesNotContain("StreamReadConstraints").doesNotContain("getMax");
    }
}
