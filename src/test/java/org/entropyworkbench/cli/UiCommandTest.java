package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ew} / {@code ew ui} without a display: one line saying what to do instead (issue 9, item 9). */
class UiCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger launches = new AtomicInteger();

    private int run(Map<String, String> environment, Runnable launch) {
        CommandLine cl = new CommandLine(new UiCommand(environment, launch));
        cl.setExecutionExceptionHandler(new CliErrors.ExecutionHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute();
    }

    @Test
    void withoutADisplayOneLineSaysHowToGetOneAndWhichCommandsNeedNone() {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"),
                "displays are always there outside Linux");
        int code = run(Map.of(), launches::incrementAndGet);

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(launches).as("the window is not even tried").hasValue(0);
        String message = err.toString();
        assertThat(message.strip().lines()).hasSize(1);
        assertThat(message).contains("needs a display", "xvfb-run -a ./ew", "run, analyze, calibrate, simulate")
                .doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\u001b");
    }

    @Test
    void aDisplayThatCannotBeOpenedGetsTheSameAdviceInsteadOfAnInternalError() {
        int code = run(Map.of("DISPLAY", ":77"), () -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        });

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("display ':77' cannot be opened", "xvfb-run -a ./ew")
                .doesNotContain("internal error");
    }

    @Test
    void theShortcutWithoutPicocliFailsInTheSameWordsAndCodeAsTheCommand() {
        for (Map<String, String> environment : java.util.List.of(Map.<String, String>of(), Map.of("DISPLAY", ":77"))) {
            Runnable failing = () -> {
                throw new UnsupportedOperationException("Unable to open DISPLAY");
            };
            StringWriter direct = new StringWriter();
            int directCode = EntropyWorkbenchCli.openWindow(new UiCommand(environment, failing), new PrintWriter(direct, true));
            err.getBuffer().setLength(0);
            int code = run(environment, failing);

            assertThat(directCode).isEqualTo(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
            assertThat(direct.toString()).isEqualTo(err.toString()).startsWith("ew ui: ");
        }
        StringWriter direct = new StringWriter();
        assertThat(EntropyWorkbenchCli.openWindow(new UiCommand(Map.of("DISPLAY", ":99"), launches::incrementAndGet),
                new PrintWriter(direct, true))).isZero();
        assertThat(launches).hasValue(1);
        assertThat(direct.toString()).isEmpty();
    }

    @Test
    void withADisplayTheWindowOpens() {
        assertThat(run(Map.of("DISPLAY", ":99"), launches::incrementAndGet)).isZero();
        assertThat(launches).hasValue(1);
    }
}
