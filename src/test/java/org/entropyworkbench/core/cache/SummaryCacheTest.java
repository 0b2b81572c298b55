package org.entropyworkbench.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.entropyworkbench.cli.EntropyWorkbenchCli;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.analysis.TopKAblationRow;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCacheTest {

    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void simulateARun() {
        run = dir.resolve("run.jsonl");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = EntropyWorkbenchCli.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                "simulate", "--profile", "reasoning", "--questions", "60", "--seed", "5", "--max-token-records", "80",
                "--created-at", "2025-01-01T00:00:00Z", "-o", run.toString());
        assertThat(code).as(err.toString()).isZero();
    }

    private static SummaryCache freshCache(String name) {
        return new SummaryCache(dir.resolve(name));
    }

    @Test
    void aSecondLoadComesFromTheCacheWithTheSameAnalysis() throws IOException {
        SummaryCache cache = freshCache("same");
        SummaryLoader.Loaded first = SummaryLoader.load(run, cache);
        SummaryLoader.Loaded second = SummaryLoader.load(run, cache);
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        RunAnalysis parsed = RunAnalysis.of(RunFileReader.read(run, RunFileReader.Detail.FULL), AnalysisOptions.defaults());
        RunAnalysis cached = RunAnalysis.of(second.summary(), AnalysisOptions.defaults());
        assertSameAnalysis(parsed, cached);
        assertThat(cached.channelMeans()).isEqualTo(parsed.channelMeans());
        assertThat(second.summary().path()).isEqualTo(run);
    }

    @Test
    void aStepWithoutAGoldAnswerStaysUngradedThroughTheCache() throws IOException {
        Path record = dir.resolve("serve-record.jsonl");
        try (org.entropyworkbench.core.run.RunFileWriter w = org.entropyworkbench.core.run.RunFileWriter.create(record,
                org.entropyworkbench.core.follow.ServeRecordLines.header())) {
            w.append(org.entropyworkbench.core.follow.ServeRecordLines.step("a", 1, 0.3, 10));
            w.append(org.entropyworkbench.core.follow.ServeRecordLines.step("a", 2, 0.3, 10));
        }
        SummaryCache cache = freshCache("ungraded");
        SummaryLoader.load(record, cache);
        SummaryLoader.Loaded second = SummaryLoader.load(record, cache);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.summary().steps()).allSatisfy(s -> assertThat(s.hasGoldAnswer()).isFalse());
        assertThat(RunAnalysis.of(second.summary(), AnalysisOptions.defaults()).gradingState())
                .isEqualTo(org.entropyworkbench.core.tradeoff.GradingState.UNGRADED);
        assertThat(SummaryLoader.load(run, cache).summary().steps()).allSatisfy(s -> assertThat(s.hasGoldAnswer()).isTrue());
    }

    @Test
    void everyKAndPriorGivesTheSameNumbersFromTheCache() throws IOException {
        SummaryCache cache = freshCache("ks");
        SummaryLoader.load(run, cache);
        RunSummary cached = SummaryLoader.load(run, cache).summary();
        RunSummary parsed = RunSummary.of(RunFileReader.read(run, RunFileReader.Detail.SUMMARY));
        for (int k : new int[] {5, 10, 15, 20}) {
            for (var priors : org.entropyworkbench.core.threshold.BayesPriors.values()) {
                AnalysisOptions o = new AnalysisOptions(k, priors);
                assertSameAnalysis(RunAnalysis.of(parsed, o), RunAnalysis.of(cached, o));
            }
        }
    }

    private static void assertSameAnalysis(RunAnalysis a, RunAnalysis b) {
        assertThat(b.separation()).isEqualTo(a.separation());
        assertThat(b.step1Accuracy()).isEqualTo(a.step1Accuracy());
        assertThat(b.outcomes()).hasSameSizeAs(a.outcomes());
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertThat(b.thresholds().tau(m)).isEqualTo(a.thresholds().tau(m));
            assertThat(b.atMethod(m)).isEqualTo(a.atMethod(m));
        }
        List<TopKAblationRow> ra = a.topKAblation();
        List<TopKAblationRow> rb = b.topKAblation();
        assertThat(rb).isEqualTo(ra);
        assertThat(b.header()).isEqualTo(a.header());
    }

    @Test
    void aCorruptEntryIsDiscardedAndTheFileParsedAgain() throws IOException {
        SummaryCache cache = freshCache("corrupt");
        SummaryLoader.load(run, cache);
        Path entry = onlyEntry(cache);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(entry, bytes);
        assertThat(cache.get(SummaryCache.Key.of(run))).isNull();
        assertThat(entry).doesNotExist();
        SummaryLoader.Loaded again = SummaryLoader.load(run, cache);
        assertThat(again.fromCache()).isFalse();
        assertThat(RunAnalysis.of(again.summary(), AnalysisOptions.defaults()).separation())
                .isEqualTo(RunAnalysis.of(RunFileReader.read(run), AnalysisOptions.defaults()).separation());
        assertThat(SummaryLoader.load(run, cache).fromCache()).isTrue();
    }

    @Test
    void aTruncatedOrGarbageEntryIsNeverTrusted() throws IOException {
        SummaryCache cache = freshCache("truncated");
        SummaryLoader.load(run, cache);
        Path entry = onlyEntry(cache);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThat(SummaryLoader.load(run, cache).fromCache()).isFalse();
        Files.write(entry, "not a cache entry at all".getBytes(StandardCharsets.UTF_8));
        assertThat(SummaryLoader.load(run, cache).fromCache()).isFalse();
        Files.write(entry, new byte[0]);
        assertThat(SummaryLoader.load(run, cache).fromCache()).isFalse();
        assertThat(SummaryLoader.load(run, cache).fromCache()).isTrue();
    }

    @Test
    void aGrowingFileIsAMissAndItsNewStepsAreAnalysed() throws IOException {
        Path live = dir.resolve("live.jsonl");
        List<String> lines = Files.readAllLines(run);
        Files.write(live, lines.subList(0, lines.size() - 40));
        SummaryCache cache = freshCache("live");
        RunSummary before = SummaryLoader.load(live, cache).summary();
        assertThat(SummaryLoader.load(live, cache).fromCache()).isTrue();
        Files.write(live, lines.subList(lines.size() - 40, lines.size()), StandardOpenOption.APPEND);
        SummaryLoader.Loaded after = SummaryLoader.load(live, cache);
        assertThat(after.fromCache()).isFalse();
        assertThat(after.summary().steps()).hasSize(before.steps().size() + 40);
        assertThat(SummaryLoader.load(live, cache).fromCache()).isTrue();
    }

    @Test
    void aRewrittenFileOfTheSameSizeAndTimeIsAMissWhenItsHeadOrTailDiffers() throws IOException {
        Path edited = dir.resolve("edited.jsonl");
        Files.copy(run, edited);
        SummaryCache cache = freshCache("edited");
        SummaryLoader.load(edited, cache);
        FileTime time = Files.getLastModifiedTime(edited);
        byte[] bytes = Files.readAllBytes(edited);
        int at = bytes.length - 30;
        bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
        Files.write(edited, bytes);
        Files.setLastModifiedTime(edited, time);
        assertThat(SummaryLoader.load(edited, cache).fromCache()).isFalse();
    }

    @Test
    void anEntryOfAnotherFormatVersionIsAMiss() throws IOException {
        SummaryCache cache = freshCache("version");
        SummaryLoader.load(run, cache);
        Path entry = onlyEntry(cache);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[7] = (byte) (SummaryCache.FORMAT_VERSION + 1); // big-endian int after the magic
        Files.write(entry, bytes);
        assertThat(SummaryLoader.load(run, cache).fromCache()).isFalse();
    }

    @Test
    void withoutACacheNothingIsWrittenAndClearEmptiesIt() throws IOException {
        SummaryCache cache = freshCache("clear");
        assertThat(SummaryLoader.load(run, null).fromCache()).isFalse();
        assertThat(cache.dir()).doesNotExist();
        SummaryLoader.load(run, cache);
        assertThat(cache.clear()).isEqualTo(1);
        assertThat(SummaryLoader.load(run, cache).fromCache()).isFalse();
    }

    @Test
    void problemsAndThePartialTailAreKept() throws IOException {
        Path damaged = dir.resolve("damaged.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(run));
        lines.set(5, "{\"type\":\"step\",\"q\":");
        Files.writeString(damaged, String.join("\n", lines) + "\n{\"type\":\"step\",\"q\":\"half");
        SummaryCache cache = freshCache("damaged");
        RunSummary parsed = SummaryLoader.load(damaged, cache).summary();
        SummaryLoader.Loaded cached = SummaryLoader.load(damaged, cache);
        assertThat(cached.fromCache()).isTrue();
        assertThat(parsed.problems()).isNotEmpty();
        assertThat(cached.summary().problems()).isEqualTo(parsed.problems());
        assertThat(cached.summary().partialTail()).isTrue().isEqualTo(parsed.partialTail());
    }

    private static Path onlyEntry(SummaryCache cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.dir())) {
            List<Path> entries = files.filter(p -> p.toString().endsWith(".ewsum")).toList();
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }
    }
}
