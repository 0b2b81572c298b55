package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepLineCodecTest {

    private final StepLineCodec codec = new StepLineCodec();

    private StepRecord parse(String line, RunFileReader.Detail detail) throws IOException {
        try (JsonParser p = JsonFields.FACTORY.createParser(line)) {
            p.nextToken();
            return codec.read(p, detail);
        }
    }

    @Test
    void fullRecordSurvivesARoundTrip() throws IOException {
        StepRecord original = RunRecords.full("q7", 2);
        StepRecord back = parse(codec.toLine(original), RunFileReader.Detail.FULL);
        RunRecords.assertSameRecord(back, original);
        assertThat(back.entropies(20)[2]).isNaN();
    }

    @Test
    void minimalRecordWithNullsSurvivesARoundTrip() throws IOException {
        StepRecord original = RunRecords.small("q1", 1, 0.5, 0.25);
        StepRecord back = parse(codec.toLine(original), RunFileReader.Detail.FULL);
        RunRecords.assertSameRecord(back, original);
        assertThat(back.correct()).isNull();
        assertThat(back.tokens()).isNull();
    }

    @Test
    void writesTheFieldNamesOfTheRunFormat() throws IOException {
        JsonNode json = new ObjectMapper().readTree(codec.toLine(RunRecords.full("q7", 2)));
        assertThat(json.get("type").asText()).isEqualTo("step");
        assertThat(json.get("q").asText()).isEqualTo("q7");
        assertThat(json.get("entropy").get("20").size()).isEqualTo(4);
        assertThat(json.get("entropy").get("20").get(2).isNull()).isTrue();
        assertThat(json.get("top").get(0).get("t").get(0).asText()).isEqualTo("The");
        assertThat(json.get("top").get(0).get("lp").get(1).asDouble()).isEqualTo(-2.5);
        assertThat(json.get("durationMs").asLong()).isEqualTo(4200);
        assertThat(json.get("flags").get(0).asText()).isEqualTo("token-count-mismatch");
    }

    @Test
    void entropiesAreWrittenWithSevenDecimals() {
        StepRecord r = RunRecords.small("q1", 1, 0.123456789, 2.0, 1.99999999996, 0.00000004);
        String line = codec.toLine(r);
        assertThat(line).contains("\"20\":[0.1234568,2,2,0]");
    }

    @Test
    void summaryDropsBulkyFieldsButKeepsEntropiesAndGrading() throws IOException {
        StepRecord back = parse(codec.toLine(RunRecords.full("q7", 2)), RunFileReader.Detail.SUMMARY);
        assertThat(back.tokens()).isNull();
        assertThat(back.topLogprobs()).isNull();
        assertThat(back.tailMass()).isNull();
        assertThat(back.text()).isNull();
        assertThat(back.reasoningText()).isNull();
        assertThat(back.channels()).isEqualTo("RRAA");
        assertThat(back.entropies(20)).hasSize(4);
        assertThat(back.correct()).isTrue();
        assertThat(back.completionTokens()).isEqualTo(5);
    }

    @Test
    void wrongShapesNameTheField() {
        assertThatThrownBy(() -> parse("{\"type\":\"step\",\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":\"x\"}}",
                RunFileReader.Detail.FULL))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).describe())
                        .isEqualTo("field \"entropy.20\": expected an array of numbers"));
        assertThatThrownBy(() -> parse("{\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":[1,2],\"5\":[1]}}",
                RunFileReader.Detail.FULL))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining("has 2 values but entropy.5 has 1");
        assertThatThrownBy(() -> parse("{\"q\":\"a\",\"step\":1,\"entropy\":{\"20\":[1,2]},\"tokens\":[\"a\"]}",
                RunFileReader.Detail.FULL))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("tokens"));
        assertThatThrownBy(() -> parse("{\"q\":\"a\",\"entropy\":{}}", RunFileReader.Detail.FULL))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("step"));
        assertThatThrownBy(() -> parse("{\"q\":3,\"step\":1}", RunFileReader.Detail.FULL))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).describe()).isEqualTo("field \"q\": expected a string, found an integer"));
    }

    @Test
    void aNullFlagIsAFieldProblemNotACrash() {
        assertThatThrownBy(() -> parse("{\"q\":\"a\",\"step\":1,\"flags\":[\"ok\",null]}", RunFileReader.Detail.SUMMARY))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo("flags"));
    }

    @Test
    void unknownFieldsAreSkipped() throws IOException {
        StepRecord r = parse("{\"type\":\"step\",\"future\":{\"a\":[1,{\"b\":2}]},\"q\":\"a\",\"step\":3,"
                + "\"entropy\":{\"20\":[0.5]}}", RunFileReader.Detail.FULL);
        assertThat(r.step()).isEqualTo(3);
        assertThat(r.entropies(20)).containsExactly(0.5);
    }

    @Test
    void headerSurvivesARoundTrip() throws IOException {
        RunHeader h = RunRecords.header();
        try (JsonParser p = JsonFields.FACTORY.createParser(RunHeaderCodec.toLineBytes(h))) {
            p.nextToken();
            RunHeader back = RunHeaderCodec.read(p);
            assertThat(back).usingRecursiveComparison().ignoringFields("calibration").isEqualTo(h);
            assertThat(back.calibration()).containsEntry("method", "entropy-mean").containsEntry("tau", 0.8);
        }
    }

    @Test
    void headerOfAnotherFormatIsRejected() {
        assertThatThrownBy(() -> {
            try (JsonParser p = JsonFields.FACTORY.createParser("{\"type\":\"header\",\"format\":\"other\",\"version\":1}")) {
                p.nextToken();
                RunHeaderCodec.read(p);
            }
        }).isInstanceOf(FieldException.class).hasMessageContaining("entropy-workbench-run");
    }

    @Test
    void fixedDecimalsRoundsAndTrims() {
        FixedDecimals f = new FixedDecimals();
        for (Map.Entry<Double, String> e : Map.of(0.0, "0", 1.0, "1", 0.5, "0.5", -2.75, "-2.75", 0.00004, "0",
                -0.00004, "0", 3.14159, "3.1416", 12.0001, "12.0001").entrySet()) {
            int n = f.format(e.getKey(), 4);
            assertThat(new String(f.buffer, 0, n)).as("%s", e.getKey()).isEqualTo(e.getValue());
        }
        int n = f.format(-10.953937, 5);
        assertThat(new String(f.buffer, 0, n)).isEqualTo("-10.95394");
        assertThat(List.of(new String(f.buffer, 0, f.format(1e15, 4)))).containsExactly("1.0E15");
    }
}
