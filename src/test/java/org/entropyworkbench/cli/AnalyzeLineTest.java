package org.entropyworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.entropyworkbench.core.analysis.AnalysisDefaults;
import org.entropyworkbench.core.cache.SummaryCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 12: {@code analyze} lines read without picocli ({@link AnalyzeLine}) print exactly what picocli's
 * reading prints, byte for byte on stdout and stderr with the same exit code, from a fresh summary cache and
 * from a warm one; lines outside the subset are left to picocli.
 */
class AnalyzeLineTest {

    private static final String GPQA = "sample-runs/2-reasoning-gpqa.jsonl.gz";
    private static final String AIME = "sample-runs/3-instruction-aime.jsonl.gz";

    @TempDir
    Path dir;

    private int caches;

    @AfterEach
    void clearCacheProperty() {
        System.clearProperty(SummaryCache.DIR_PROPERTY);
    }

    record Output(int code, String out, String err) {
    }

    private static Output run(boolean picocli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = picocli ? EntropyWorkbenchCli.executeWithPicocli(o, e, args) : EntropyWorkbenchCli.execute(o, e, args);
        return new Output(code, out.toString(), err.toString());
    }

    private void freshCache() {
        System.setProperty(SummaryCache.DIR_PROPERTY, dir.resolve("cache-" + caches++).toString());
    }

    /** Picocli and the plain reader, each first on an empty cache and then on the other's warm one: all four equal. */
    private void assertSameAsPicocli(String... args) {
        assertThat(AnalyzeLine.parse(args)).as("read without picocli: " + String.join(" ", args)).isNotNull();
        freshCache();
        Output picocliCold = run(true, args);
        Output plainWarm = run(false, args);
        freshCache();
        Output plainCold = run(false, args);
        Output picocliWarm = run(true, args);
        assertThat(plainWarm).as("warm cache: " + String.join(" ", args)).isEqualTo(picocliCold);
        assertThat(plainCold).as("empty cache: " + String.join(" ", args)).isEqualTo(picocliCold);
        assertThat(picocliWarm).isEqualTo(picocliCold);
    }

    @Test
    void theTablesAndTheJsonAreByteIdenticalToPicocliCachedOrNot() {
        assertSameAsPicocli("analyze", GPQA);
        assertSameAsPicocli("analyze", "--json", GPQA);
        assertSameAsPicocli("analyze", "--k", "10", "--priors", "equal", GPQA, AIME);
        assertSameAsPicocli("analyze", "--k=5", GPQA, "--no-cache", "--priors=empirical");
        assertSameAsPicocli("analyze", "--signal", "deepconf-tail", "--json", AIME);
        assertSameAsPicocli("analyze", "--signal=max-entropy", "--k", "020", GPQA);
        Output table = run(false, "analyze", GPQA);
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("Entropy mean").contains("Top-k ablation");
    }

    @Test
    void failuresAreReportedInPicocliHandlersWords() {
        assertSameAsPicocli("analyze", dir.resolve("missing.jsonl").toString());
        assertSameAsPicocli("analyze", "--k", "7", GPQA);
        assertSameAsPicocli("analyze", "--priors", "uniform", GPQA);
        assertSameAsPicocli("analyze", "--signal", "nonsense", GPQA);
        Output missing = run(false, "analyze", dir.resolve("missing.jsonl").toString());
        assertThat(missing.code()).isEqualTo(EntropyWorkbenchCli.EXIT_FAILURE);
        assertThat(missing.err()).startsWith("ew analyze: ").contains("file not found");
    }

    @Test
    void everyOtherLineIsLeftToPicocli() {
        List<String[]> declined = List.of(
                new String[] {"analyze"},
                new String[] {"analyze", "--help"},
                new String[] {"analyze", "-h", GPQA},
                new String[] {"analyze", "--signals", "all", GPQA},
                new String[] {"analyze", "--bootstrap", "5", GPQA},
                new String[] {"analyze", "--k", "5", "--k", "10", GPQA},
                new String[] {"analyze", "--json", "--json", GPQA},
                new String[] {"analyze", "--json=true", GPQA},
                new String[] {"analyze", "--k"},
                new String[] {"analyze", "--k", "-5", GPQA},
                new String[] {"analyze", "--k", "5.0", GPQA},
                new String[] {"analyze", "--priors", "--json", GPQA},
                new String[] {"analyze", "--priors", "", GPQA},
                new String[] {"analyze", "--", GPQA},
                new String[] {"analyze", "--unknown", GPQA},
                new String[] {"analyze", "-", GPQA},
                new String[] {"analyze", "@args.txt"},
                new String[] {"analyze", ""},
                new String[] {"calibrate", GPQA},
                new String[] {"--version"});
        for (String[] line : declined) {
            assertThat(AnalyzeLine.parse(line)).as(String.join(" ", line)).isNull();
        }
        System.setProperty("picocli.trace", "OFF");
        try {
            assertThat(AnalyzeLine.parse(new String[] {"analyze", GPQA})).as("a picocli property is set").isNull();
        } finally {
            System.clearProperty("picocli.trace");
        }
        freshCache();
        Output repeated = run(false, "analyze", "--k", "5", "--k", "10", GPQA);
        assertThat(repeated.code()).as("picocli's usage error").isEqualTo(EntropyWorkbenchCli.EXIT_USAGE);
        assertThat(repeated.err()).contains("ew analyze: ").contains("Try 'ew analyze --help'");
    }

    @Test
    void theOptionsReadHereAreTheCommandsOwnWithTheSameDefaults() {
        CommandSpec analyze = EntropyWorkbenchCli.commandLine("analyze", GPQA).getSubcommands().get("analyze").getCommandSpec();
        Function<String, OptionSpec> option = analyze::findOption;
        assertThat(option.apply("--json").arity().max()).isZero();
        assertThat(option.apply("--no-cache").arity().max()).isZero();
        for (String valued : List.of("--k", "--priors", "--signal")) {
            assertThat(option.apply(valued).arity().min()).as(valued).isEqualTo(1);
            assertThat(option.apply(valued).arity().max()).as(valued).isEqualTo(1);
            assertThat(option.apply(valued).splitRegex()).as(valued).isEmpty();
        }
        assertThat(option.apply("--k").defaultValue()).isEqualTo(String.valueOf(AnalysisDefaults.K));
        assertThat(option.apply("--priors").defaultValue()).isEqualTo(AnalysisDefaults.PRIORS_ID);
        assertThat(option.apply("--signal").defaultValue()).isEqualTo(AnalysisOptionsMixin.DEFAULT_SIGNAL);
        assertThat(analyze.parser().abbreviatedOptionsAllowed()).isFalse();
        assertThat(analyze.parser().caseInsensitiveEnumValuesAllowed()).isFalse();
        assertThat(analyze.parser().overwrittenOptionsAllowed()).isFalse();
        assertThat(analyze.parser().expandAtFiles()).isTrue();

        AnalyzeLine.Parsed parsed = AnalyzeLine.parse(new String[] {"analyze", GPQA});
        assertThat(parsed).isEqualTo(new AnalyzeLine.Parsed(List.of(Path.of(GPQA)), AnalysisDefaults.K,
                AnalysisDefaults.PRIORS_ID, AnalysisOptionsMixin.DEFAULT_SIGNAL, false, false));
        List<String> names = new ArrayList<>();
        for (OptionSpec o : analyze.options()) {
            names.addAll(List.of(o.names()));
        }
        assertThat(names).as("the options this class reads exist under these names")
                .contains("--json", "--no-cache", "--k", "--priors", "--signal");
    }
}
