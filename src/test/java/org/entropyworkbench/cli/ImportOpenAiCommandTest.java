package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-openai}: raw top-k written only with {@code --record-top}, like {@code run}. */
class ImportOpenAiCommandTest {

    private static final String RESPONSE = "{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"Answer: 7\"},"
            + "\"logprobs\":{\"content\":["
            + "{\"token\":\"7\",\"logprob\":-0.1,\"top_logprobs\":[{\"token\":\"7\",\"logprob\":-0.1},"
            + "{\"token\":\"8\",\"logprob\":-2.4},{\"token\":\"9\",\"logprob\":-3.5}]},"
            + "{\"token\":\".\",\"logprob\":-0.2,\"top_logprobs\":[{\"token\":\".\",\"logprob\":-0.2},"
            + "{\"token\":\"!\",\"logprob\":-1.8}]}]},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"completion_tokens\":2},\"workbench\":{\"q\":\"i1\",\"expected\":\"7\"}}\n";

    @TempDir
    Path dir;

    private StepRecord importWith(String name, String... extra) throws IOException {
        Path in = dir.resolve("responses.jsonl");
        Files.writeString(in, RESPONSE);
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("import-openai", in.toString(), "-o", out.toString()));
        args.addAll(List.of(extra));
        EntropyWorkbenchCliTest.Result r = EntropyWorkbenchCliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 steps");
        return RunFileReader.read(out, RunFileReader.Detail.FULL).steps().get(0);
    }

    @Test
    void defaultWritesEntropiesAndTailButNoRawTopK() throws IOException {
        StepRecord step = importWith("plain.jsonl");
        assertThat(step.topLogprobs()).isNull();
        assertThat(step.entropies(20)).hasSize(2);
        assertThat(step.entropies(20)[0]).isGreaterThan(0);
        assertThat(step.tailMass()).hasSize(2);
        assertThat(step.correct()).isTrue();
        assertThat(Files.readString(dir.resolve("plain.jsonl"))).doesNotContain("\"top\"");
    }

    @Test
    void recordTopWritesEveryTokensAlternatives() throws IOException {
        StepRecord plain = importWith("plain.jsonl");
        StepRecord step = importWith("with-top.jsonl", "--record-top");
        assertThat(step.topLogprobs()).hasSize(2);
        assertThat(step.topLogprobs().get(0).tokens()).containsExactly("7", "8", "9");
        assertThat(step.topLogprobs().get(1).logprobs()).containsExactly(-0.2, -1.8);
        assertThat(step.entropies(20)).containsExactly(plain.entropies(20));
        assertThat(step.tailMass()).containsExactly(plain.tailMass());
    }
}
