package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: help texts stored per build are byte-identical to picocli's rendering and never used for another jar. */
class CachedHelpTest {

    @TempDir
    Path dir;

    @Test
    void everyStoredTextIsWhatPicocliPrintsStyledAndPlain() throws Exception {
        Path help = dir.resolve("help");
        CachedHelp.write(help, "jar-1");
        assertThat(System.getProperty("picocli.ansi")).as("the property is restored").isNull();

        assertThat(CachedHelp.names()).contains("_top", "analyze", "calibrate", "ui", "cache").doesNotContain("help");
        for (String name : CachedHelp.names()) {
            for (boolean ansi : new boolean[] {true, false}) {
                String expected = picocliHelp(name, ansi);
                assertThat(expected).contains("Usage:");
                assertThat(CachedHelp.read(help, "jar-1", name, ansi)).as(name + (ansi ? " styled" : " plain"))
                        .isEqualTo(expected);
            }
        }
        assertThat(CachedHelp.read(help, "jar-1", "analyze", true)).contains("\u001b[");
        assertThat(CachedHelp.read(help, "jar-1", "analyze", false)).doesNotContain("\u001b");
    }

    @Test
    void aNameThatIsNoCommandHasNoStoredTextSoPicocliAnswers() throws Exception {
        Path help = dir.resolve("help");
        CachedHelp.write(help, "jar-1");
        // main no longer loads the command table for a help line: the folder holds a text for each command and no other
        assertThat(CachedHelp.helpName(new String[] {"nonsense", "--help"})).isEqualTo("nonsense");
        assertThat(CachedHelp.read(help, "jar-1", "nonsense", false)).isNull();
        assertThat(CachedHelp.read(help, "jar-1", "help", false)).isNull();
        try (var files = Files.list(help)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".plain.txt")).sorted())
                    .containsExactlyElementsOf(CachedHelp.names().stream().map(n -> n + ".plain.txt").sorted().toList());
        }
        for (String name : CachedHelp.names()) {
            assertThat(name.equals("_top") || CachedHelp.looksLikeCommandName(name)).as(name).isTrue();
        }
    }

    @Test
    void textsOfAnotherJarOrAHalfWrittenFolderAreNeverUsed() throws Exception {
        Path help = dir.resolve("help");
        CachedHelp.write(help, "jar-1");
        assertThat(CachedHelp.read(help, "jar-2", "analyze", false)).as("another build's jar").isNull();

        Files.delete(help.resolve("identity"));
        assertThat(CachedHelp.read(help, "jar-1", "analyze", false)).as("no identity: half written").isNull();
        assertThat(CachedHelp.read(dir.resolve("missing"), "jar-1", "analyze", false)).isNull();
    }

    @Test
    void aJarIdentityChangesWhenTheJarIsReplaced() throws Exception {
        Path jar = dir.resolve("entropy-workbench-0.1.0.jar");
        Files.writeString(jar, "one build");
        String before = CachedHelp.identityOf(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));
        assertThat(CachedHelp.identityOf(jar)).isNotEqualTo(before);
        Files.writeString(jar, "another build, same time?");
        assertThat(CachedHelp.identityOf(jar)).isNotEqualTo(before);
        assertThat(CachedHelp.identityOf(dir)).as("classes from a folder (tests, IDE): no stored help").isNull();
    }

    @Test
    void onlyPlainHelpLinesAreAnswered() {
        assertThat(CachedHelp.helpName(new String[] {"--help"})).isEqualTo("_top");
        assertThat(CachedHelp.helpName(new String[] {"-h"})).isEqualTo("_top");
        assertThat(CachedHelp.helpName(new String[] {"analyze", "--help"})).isEqualTo("analyze");
        assertThat(CachedHelp.helpName(new String[] {"analyze", "-h"})).isEqualTo("analyze");
        assertThat(CachedHelp.helpName(new String[] {"analyze", "run.jsonl"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {"analyze", "--k", "5", "--help"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {"help", "--help"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {"_top", "--help"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {"../analyze", "--help"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {"Analyze", "--help"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {"", "--help"})).isNull();
        assertThat(CachedHelp.helpName(new String[] {})).isNull();
        assertThat(CachedHelp.forArgs(new String[] {"analyze", "--help"})).as("no folder given: picocli answers").isNull();
    }

    /** What the command line prints for NAME --help with picocli's styles forced on or off. */
    private static String picocliHelp(String name, boolean ansi) {
        System.setProperty("picocli.ansi", String.valueOf(ansi));
        try {
            StringWriter out = new StringWriter();
            String[] line = name.equals("_top") ? new String[] {"--help"} : new String[] {name, "--help"};
            int code = EntropyWorkbenchCli.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), line);
            assertThat(code).isZero();
            return out.toString();
        } finally {
            System.clearProperty("picocli.ansi");
        }
    }
}
