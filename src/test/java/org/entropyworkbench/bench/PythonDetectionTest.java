package org.entropyworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' Python baseline is the interpreter itself, not a launcher script in front of it
 * (pyenv's {@code python3} shim costs ~0.25 s per start and once doubled the startup section's baseline).
 */
class PythonDetectionTest {

    @Test
    void detectedPythonIsTheInterpreterNotAShim() throws Exception {
        String python = PythonReference.detectPython();
        assumeTrue(python != null, "no python3 or python on the PATH");
        Path exe = Path.of(python);
        assertThat(exe).isAbsolute();
        assertThat(Files.isExecutable(exe)).isTrue();
        try (InputStream in = Files.newInputStream(exe)) {
            byte[] head = in.readNBytes(2);
            assertThat(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(python + " starts like a script, not an interpreter binary").isNotEqualTo("#!");
        }
    }
}
