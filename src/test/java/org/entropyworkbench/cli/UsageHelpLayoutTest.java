package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} reads as prose at an 80-column terminal: no line longer than the
 * width, and no sentence broken mid-phrase by hand-wrapped description lines that picocli wraps again
 * (the "probe (verdict on" / "stderr); the run stops" of issue 9).
 */
class UsageHelpLayoutTest {

    @Test
    void everyCommandsHelpFitsEightyColumnsWithoutMidPhraseBreaks() {
        CommandLine root = EntropyWorkbenchCli.commandLine();
        List<String> problems = new ArrayList<>();
        check("ew", root, problems);
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            check("ew " + sub.getKey(), sub.getValue(), problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String name, CommandLine cl, List<String> problems) {
        String[] lines = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > cl.getUsageHelpWidth()) {
                problems.add(name + ": line longer than " + cl.getUsageHelpWidth() + ": " + line);
            }
            if (i + 1 < lines.length && line.startsWith("  ew ") && !lines[i + 1].isBlank()
                    && !lines[i + 1].startsWith(" ")) {
                problems.add(name + ": example wrapped: \"" + line + "\" / \"" + lines[i + 1] + "\"");
            }
            if (i + 1 < lines.length && orphanBeforeContinuation(line, lines[i + 1])) {
                problems.add(name + ": sentence broken mid-phrase: \"" + line + "\" / \"" + lines[i + 1] + "\"");
            }
        }
    }

    /** A short prose line that stops mid-sentence, followed by a line that goes on with it in lower case. */
    private static boolean orphanBeforeContinuation(String line, String next) {
        String t = line.strip();
        String n = next.strip();
        if (t.isEmpty() || n.isEmpty() || line.startsWith(" ") || next.startsWith(" ") || line.length() > 60) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return ".:;!?\\".indexOf(last) < 0 && Character.isLowerCase(n.charAt(0));
    }
}
