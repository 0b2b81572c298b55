package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeySourceTest {
    @TempDir
    Path dir;

    @Test
    void environmentVariableOfThePresetWinsOverTheFile() throws Exception {
        Path file = dir.resolve("keys.properties");
        ApiKeySource src = new ApiKeySource(Map.of("OPENAI_API_KEY", "sk-env-1"), file);
        src.store("OPENAI_API_KEY", ApiKey.of("sk-file-1"));
        assertThat(src.find(ServerPreset.OPENAI, null).orElseThrow()).isEqualTo(ApiKey.of("sk-env-1"));
        assertThat(new ApiKeySource(Map.of(), file).find(ServerPreset.OPENAI, null).orElseThrow()).isEqualTo(ApiKey.of("sk-file-1"));
        assertThat(src.find(ServerPreset.OLLAMA, null)).isEmpty();
        assertThat(new ApiKeySource(Map.of("MY_KEY", "abc"), file).find(ServerPreset.VLLM, "MY_KEY").orElseThrow())
                .isEqualTo(ApiKey.of("abc"));
    }

    @Test
    void storedFileIsOwnerOnlyAndAGroupReadableFileIsRefused() throws Exception {
        Path file = dir.resolve("sub").resolve("keys.properties");
        ApiKeySource src = new ApiKeySource(Map.of(), file);
        src.store("TOGETHER_API_KEY", ApiKey.of("tg-secret-9"));
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null, "POSIX file system");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> src.find("TOGETHER_API_KEY"));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FATAL);
        assertThat(e.getMessage()).contains(file.toString()).contains("rw-r--r--").contains("chmod 600").doesNotContain("tg-secret-9");
    }

    @Test
    void missingFileAndMissingNameGiveEmpty() throws Exception {
        ApiKeySource src = new ApiKeySource(Map.of(), dir.resolve("none.properties"));
        assertThat(src.find(ServerPreset.OPENROUTER, null)).isEmpty();
    }

    @Test
    void apiKeyNeverShowsItsValue() {
        ApiKey k = ApiKey.of("  sk-abc-123  ");
        assertThat(k.toString()).isEqualTo("ApiKey[***]");
        assertThat(k.value()).isEqualTo("sk-abc-123");
        assertThat(k.redact("key sk-abc-123 was wrong")).isEqualTo("key *** was wrong");
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> ApiKey.of(" "));
        assertThat(e.getMessage()).isEqualTo("API key is empty");
    }
}
