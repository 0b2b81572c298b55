package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.AnswerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptSetFileTest {

    @TempDir
    Path tmp;

    @Test
    void savesAndLoadsTheSamePrompts() throws Exception {
        PromptSet prompts = new PromptSet("sys \"quoted\"", "Q:\n{question}\n\\boxed{}", "again \u00e9");
        Path file = tmp.resolve("sub/prompts.json");
        PromptSetFile.save(file, prompts);
        assertThat(PromptSetFile.load(file)).isEqualTo(prompts);
        assertThat(PromptSetFile.load(file)).isNotEqualTo(ProtocolPrompts.defaults(AnswerKind.INTEGER));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void systemMayBeLeftOut() throws Exception {
        assertThat(PromptSetFile.parse("p.json", "{\"step1\":\"{question}\",\"refine\":\"r\"}"))
                .isEqualTo(new PromptSet("", "{question}", "r"));
    }

    @Test
    void badFilesNameTheFileAndField() {
        assertThatThrownBy(() -> PromptSetFile.parse("p.json", "{\"step1\":\"s\"}"))
                .isInstanceOf(PromptSetFileException.class).hasMessage("p.json: field \"refine\" is missing");
        assertThatThrownBy(() -> PromptSetFile.parse("p.json", "{\"step1\":\"s\",\"refine\":\"  \"}"))
                .hasMessage("p.json: field \"refine\" is empty");
        assertThatThrownBy(() -> PromptSetFile.parse("p.json", "{\"step1\":\"s\",\"refine\":\"r\",\"refinement\":\"x\"}"))
                .hasMessage("p.json: unknown field \"refinement\" (expected system, step1, refine)");
        assertThatThrownBy(() -> PromptSetFile.parse("p.json", "{\"step1\":3,\"refine\":\"r\"}"))
                .hasMessage("p.json: field \"step1\" must be a string");
        assertThatThrownBy(() -> PromptSetFile.parse("p.json", "{\n\"step1\": \"s\",\n oops }"))
                .hasMessageStartingWith("p.json line 3: not valid JSON");
        assertThatThrownBy(() -> PromptSetFile.parse("p.json", "[]"))
                .hasMessageStartingWith("p.json: expected a JSON object");
        assertThatThrownBy(() -> PromptSetFile.load(tmp.resolve("missing.json")))
                .hasMessageContaining("missing.json: file not found");
    }
}
