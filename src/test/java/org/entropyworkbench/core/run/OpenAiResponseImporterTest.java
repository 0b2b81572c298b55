package org.entropyworkbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiResponseImporterTest {

    private static final double LN2 = Math.log(2);

    /** Three hand-written responses: clean, with sentinels and short lists, and an answer-letter one. */
    private static final String FIXTURE = String.join("\n",
            "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1735689600,\"model\":\"m-1\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"So \\\\boxed{42}\"},"
                    + "\"logprobs\":{\"content\":["
                    + "{\"token\":\"So\",\"logprob\":-0.6931,\"bytes\":[83,111],\"top_logprobs\":["
                    + "{\"token\":\"So\",\"logprob\":-0.6931471805599453,\"bytes\":[83,111]},"
                    + "{\"token\":\"Thus\",\"logprob\":-0.6931471805599453,\"bytes\":[84]}]},"
                    + "{\"token\":\" 42\",\"logprob\":0.0,\"bytes\":null,\"top_logprobs\":["
                    + "{\"token\":\" 42\",\"logprob\":0.0,\"bytes\":null}]}"
                    + "]},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":2,\"total_tokens\":32},"
                    + "\"workbench\":{\"q\":\"aime-1\",\"step\":1,\"expected\":\"42\",\"temperature\":0.7}}",
            "{\"id\":\"c2\",\"model\":\"m-1\",\"choices\":[{\"message\":{\"content\":\"I think 41\"},"
                    + "\"logprobs\":{\"content\":["
                    + "{\"token\":\"I\",\"logprob\":-9999.0,\"bytes\":[73],\"top_logprobs\":["
                    + "{\"token\":\"I\",\"logprob\":-9999.0},{\"token\":\"We\",\"logprob\":-0.10536051565782628},"
                    + "{\"token\":\"Hmm\",\"logprob\":NaN},{\"token\":\"Ok\",\"logprob\":-2.3025850929940455}]},"
                    + "{\"token\":\" think\",\"logprob\":-0.1,\"top_logprobs\":[]},"
                    + "{\"token\":\" 41\",\"logprob\":-3.4028235e38,\"top_logprobs\":["
                    + "{\"token\":\" 41\",\"logprob\":-3.4028235e38},{\"token\":\" 40\",\"logprob\":\"-Infinity\"}]}"
                    + "]},\"finish_reason\":\"length\"}],"
                    + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":5},"
                    + "\"workbench\":{\"q\":\"aime-1\",\"step\":2,\"expected\":\"42\"}}",
            "this line is not json",
            "{\"id\":\"c3\",\"model\":\"m-1\",\"choices\":[{\"message\":{\"content\":\"Answer: 7\"},\"logprobs\":null,"
                    + "\"finish_reason\":\"stop\"}],\"workbench\":{\"q\":\"aime-2\"}}",
            "{\"error\":{\"message\":\"rate limited\",\"type\":\"requests\"}}") + "\n";

    @TempDir
    Path dir;

    @Test
    void importsResponsesComputesEntropiesAndFlags() throws IOException {
        Path in = dir.resolve("responses.jsonl");
        Files.writeString(in, FIXTURE);
        Path out = dir.resolve("imported.jsonl");

        OpenAiResponseImporter.Result result = OpenAiResponseImporter.importFile(in, out,
                OpenAiResponseImporter.Options.defaults());

        assertThat(result.steps()).isEqualTo(3);
        assertThat(result.problems()).extracting(RunFile.LineProblem::lineNumber).containsExactly(3L, 5L);
        assertThat(result.problems().get(0).message()).startsWith("responses.jsonl line 3: not valid JSON");
        assertThat(result.problems().get(1).message()).contains("line 5").contains("error").contains("rate limited");

        RunFile run = RunFileReader.read(out);
        assertThat(run.problems()).isEmpty();
        assertThat(run.header().model()).isEqualTo("m-1");
        assertThat(run.header().answerKind()).isEqualTo("integer");
        assertThat(run.header().steps()).isEqualTo(2);
        assertThat(run.header().simulated()).isFalse();

        StepRecord first = run.steps().get(0);
        assertThat(first.questionId()).isEqualTo("aime-1");
        assertThat(first.entropies(20)).containsExactly(1.0, 0.0);
        assertThat(first.entropies(5)).containsExactly(1.0, 0.0);
        assertThat(first.completionTokens()).isEqualTo(2);
        assertThat(first.flags()).isEmpty();
        assertThat(first.correct()).isTrue();
        assertThat(first.extractedAnswer()).isEqualTo("42");
        assertThat(first.tokens()).containsExactly("So", " 42");
        assertThat(first.channels()).isEqualTo("AA");
        assertThat(first.startedAt()).isEqualTo(1735689600000L);
        assertThat(first.temperature()).isEqualTo(0.7);

        StepRecord second = run.steps().get(1);
        assertThat(second.step()).isEqualTo(2);
        double p1 = 0.9;
        double p2 = 0.1;
        double expected = -(p1 / (p1 + p2)) * Math.log(p1 / (p1 + p2)) / LN2 - (p2 / (p1 + p2)) * Math.log(p2 / (p1 + p2)) / LN2;
        assertThat(second.entropies(20)[0]).isCloseTo(expected, within(1e-4));
        assertThat(second.entropies(20)[1]).isNaN();
        assertThat(second.entropies(20)[2]).isNaN();
        assertThat(second.tailMass()[0]).isCloseTo(0.0, within(1e-4));
        assertThat(second.flags()).containsExactlyInAnyOrder("token-count-mismatch", "length");
        assertThat(second.completionTokens()).isEqualTo(5);
        assertThat(second.correct()).isFalse();
        assertThat(second.extractedAnswer()).isEqualTo("41");

        StepRecord third = run.steps().get(2);
        assertThat(third.questionId()).isEqualTo("aime-2");
        assertThat(third.flags()).containsExactlyInAnyOrder("no-usage", "no-logprobs");
        assertThat(third.tokenRecordCount()).isZero();
        assertThat(third.correct()).isNull();
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingFileAndLine() throws IOException {
        Path in = dir.resolve("latin1.jsonl");
        byte[] good = FIXTURE.split("\n")[0].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(good);
        bytes.writeBytes("\r\n\r\n{\"note\":\"caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        bytes.write(0xe9);
        bytes.writeBytes("\"}\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(in, bytes.toByteArray());
        assertThatThrownBy(() -> OpenAiResponseImporter.importFile(in, dir.resolve("out.jsonl"),
                OpenAiResponseImporter.Options.defaults()))
                .isInstanceOf(RunFileException.class).hasMessage("latin1.jsonl line 3: not UTF-8 text");
    }

    @Test
    void refusesAFileWithoutAnyUsableResponse() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "nope\n{\"choices\":[]}\n");
        assertThatThrownBy(() -> OpenAiResponseImporter.importFile(in, dir.resolve("o.jsonl"),
                OpenAiResponseImporter.Options.defaults()))
                .isInstanceOf(RunFileException.class).hasMessageContaining("bad.jsonl").hasMessageContaining("no usable response");
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
    }
}
