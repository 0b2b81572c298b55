package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.runner.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run started from the window records the server's version in its header, as {@code ew run} does. */
class RunFormServerVersionTest {

    @TempDir
    Path dir;

    private RunFormModel form() throws Exception {
        RunFormModel form = new RunFormModel();
        form.dataset().set(BuiltInDatasets.load(BuiltInDatasets.MINI));
        form.preset().set(ServerPreset.LLAMA_CPP);
        form.baseUrl().set("http://127.0.0.1:9/v1");
        form.model().set("local-model");
        form.output().set(dir.resolve("run.jsonl").toString());
        return form;
    }

    private ApiKeySource keys() {
        return new ApiKeySource(Map.of(), dir.resolve("no-keys.properties"));
    }

    @Test
    void theProbedVersionGoesIntoTheHeadersGenerator() throws Exception {
        RunConfig config = RunFormModel.runConfig(form().snapshot(), keys(), null, 1L, () -> "b6123 (a1b2c3d)");
        assertThat(config.generator()).containsEntry(ServingProvenance.SERVER_VERSION_KEY, "b6123 (a1b2c3d)");
        assertThat(config.simulated()).isFalse();
    }

    @Test
    void anUnknownVersionLeavesTheGeneratorEmpty() throws Exception {
        assertThat(RunFormModel.runConfig(form().snapshot(), keys(), null, 1L, () -> null).generator()).isEmpty();
    }

    @Test
    void invalidSettingsAreReportedBeforeTheServerIsAsked() throws Exception {
        RunFormModel form = form();
        form.dataset().set(null);
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> RunFormModel.runConfig(form.snapshot(), keys(), null, 1L, () -> {
            asked.incrementAndGet();
            return "v";
        })).hasMessageContaining("Dataset");
        assertThat(asked).hasValue(0);
    }
}
