package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ew run} against a server that is not there: a clear message at once, and no file (issue 9, item 17). */
class DeadServerCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutTheProbeARefusedConnectionStopsAtOnceAndLeavesNoFile() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path run = dir.resolve("dead.jsonl");
        long t0 = System.nanoTime();
        int code = EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run",
                "--dataset", "builtin:mini", "--preset", "llamacpp", "--base-url", "http://127.0.0.1:" + port + "/v1",
                "--model", "m", "--no-probe", "--progress", "none", "-o", run.toString());
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(seconds).as("no backoff against a server that never answered").isLessThan(10);
        assertThat(err.toString()).contains("cannot reach llama-cpp http://127.0.0.1:" + port + "/v1",
                "connection was refused", "is the server running", "nothing was recorded")
                .doesNotContain("retrying in").doesNotContain("run the same command again to resume");
        assertThat(Files.exists(run)).as("no header-only file").isFalse();
    }
}
