package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScreenshotsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String[]> tours = new ArrayList<>();

    private int run(Map<String, String> environment, String... args) {
        CommandLine cl = new CommandLine(new ScreenshotsCommand(environment, tours::add));
        cl.setExecutionExceptionHandler(new CliErrors.ExecutionHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theTourGetsTheFolderOrTheDocsDefault() {
        assertThat(run(Map.of("DISPLAY", ":99"), "target/shots")).isZero();
        assertThat(run(Map.of("WAYLAND_DISPLAY", "wayland-0"))).isZero();

        assertThat(tours).hasSize(2);
        assertThat(tours.get(0)).containsExactly("target/shots");
        assertThat(tours.get(1)).containsExactly(ScreenshotsCommand.DEFAULT_FOLDER);
        assertThat(ScreenshotsCommand.DEFAULT_FOLDER).isEqualTo("docs/screenshots");
    }

    @Test
    void withoutADisplayItSaysHowToGetOne() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        org.junit.jupiter.api.Assumptions.assumeTrue(linux, "displays are always there outside Linux");

        int code = run(Map.of("DISPLAY", " "), "out");

        assertThat(code).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("needs a display", "xvfb-run -a ./ew screenshots out");
        assertThat(tours).isEmpty();
    }

    @Test
    void isListedAndItsHelpNamesXvfb() {
        StringWriter help = new StringWriter();
        EntropyWorkbenchCli.execute(new PrintWriter(help), new PrintWriter(new StringWriter()), "screenshots", "--help");
        assertThat(help.toString()).contains("xvfb-run -a ./ew screenshots", "OUTDIR", "docs/screenshots");
        StringWriter top = new StringWriter();
        EntropyWorkbenchCli.execute(new PrintWriter(top), new PrintWriter(new StringWriter()), "--help");
        assertThat(top.toString()).contains("screenshots");
    }
}
