package org.entropyworkbench.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Generates the ingest benchmark's inputs on demand: the same seeded top-20 logprobs written once
 * in the project's run format (with raw {@code top} arrays) and once as raw OpenAI chat completion
 * responses, one per line. Both hold {@code steps * tokensPerStep} token records; a few positions
 * carry the quirks servers send (-9999 sentinels, duplicate token texts, fewer than 20 entries).
 * Files are reused when present (their names carry the size and seed).
 */
public final class IngestData {

    static final int TOKENS_PER_STEP = 1000;
    private static final String[] WORDS = {"the", "sum", "of", "digits", "is", "so", "we", "get", "Let", "n", "=",
        "12", "and", "therefore", "each", "term", "divides", "remainder", "modulo", "7", "count", "pairs"};

    private IngestData() {
    }

    /** One position: alternatives' texts and logprobs. */
    record Position(String[] tokens, double[] logprobs) {
    }

    /** The run-format file with raw top-k; created when missing. */
    public static Path runFile(Path dir, int steps, long seed) throws IOException {
        Path file = dir.resolve("ingest-run-" + steps + "x" + TOKENS_PER_STEP + "-s" + seed + ".jsonl");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        RunHeader header = new RunHeader(RunHeader.FORMAT_VERSION, "bench-ingest-" + seed, "2026-01-01T00:00:00Z", "bench",
                "ingest benchmark (generated)", "bench-model", "bench", "bench", null, "integer", "full", 1, 20, 0.7, 8192,
                null, Map.of(), true, Map.of("seed", seed, "generator", "IngestData"), Map.of());
        Iterable<StepRecord> records = () -> new Iterator<>() {
            private final Random random = new Random(seed);
            private int s;

            @Override
            public boolean hasNext() { return s < steps; }

            @Override
            public StepRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return step(s++, random);
            }
        };
        RunFileWriter.writeAll(file, header, records);
        return file;
    }

    /** Raw OpenAI chat completion responses, one per line, same logprobs as {@link #runFile}; created when missing. */
    public static Path openAiFile(Path dir, int steps, long seed) throws IOException {
        Path file = dir.resolve("ingest-openai-" + steps + "x" + TOKENS_PER_STEP + "-s" + seed + ".jsonl");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".part");
        Random random = new Random(seed);
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g = factory.createGenerator(Files.newOutputStream(temp), JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (int s = 0; s < steps; s++) {
                List<Position> positions = positions(random);
                g.writeStartObject();
                g.writeStringField("id", "chatcmpl-bench-" + s);
                g.writeStringField("object", "chat.completion");
                g.writeNumberField("created", 1_700_000_000L);
                g.writeStringField("model", "bench-model");
                g.writeStringField("q", "q" + s);
                g.writeNumberField("step", 1);
                g.writeArrayFieldStart("choices");
                g.writeStartObject();
                g.writeNumberField("index", 0);
                g.writeObjectFieldStart("message");
                g.writeStringField("role", "assistant");
                g.writeStringField("content", text(positions));
                g.writeEndObject();
                g.writeObjectFieldStart("logprobs");
                g.writeArrayFieldStart("content");
                for (Position p : positions) {
                    g.writeStartObject();
                    g.writeStringField("token", p.tokens()[0]);
                    g.writeNumberField("logprob", p.logprobs()[0]);
                    g.writeNullField("bytes");
                    g.writeArrayFieldStart("top_logprobs");
                    for (int i = 0; i < p.tokens().length; i++) {
                        g.writeStartObject();
                        g.writeStringField("token", p.tokens()[i]);
                        g.writeNumberField("logprob", p.logprobs()[i]);
                        g.writeNullField("bytes");
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeStringField("finish_reason", "stop");
                g.writeEndObject();
                g.writeEndArray();
                g.writeObjectFieldStart("usage");
                g.writeNumberField("prompt_tokens", 64);
                g.writeNumberField("completion_tokens", positions.size());
                g.writeNumberField("total_tokens", 64 + positions.size());
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        Files.move(temp, file);
        return file;
    }

    private static StepRecord step(int s, Random random) {
        List<Position> positions = positions(random);
        int n = positions.size();
        int[] ks = TopKEntropy.ABLATION_KS;
        double[][] byK = new double[ks.length][n];
        double[] tail = new double[n];
        double[] out = new double[ks.length];
        List<String> tokens = new ArrayList<>(n);
        List<StepRecord.TopLogprobs> top = new ArrayList<>(n);
        TopKEntropy entropy = TopKEntropy.forThisThread();
        for (int t = 0; t < n; t++) {
            Position p = positions.get(t);
            tail[t] = entropy.compute(p.logprobs(), p.tokens(), p.tokens().length, ks, out);
            for (int j = 0; j < ks.length; j++) {
                byK[j][t] = out[j];
            }
            tokens.add(p.tokens()[0]);
            top.add(new StepRecord.TopLogprobs(Arrays.asList(p.tokens()), p.logprobs()));
        }
        java.util.Map<Integer, double[]> entropyByK = new java.util.HashMap<>();
        for (int j = 0; j < ks.length; j++) {
            entropyByK.put(ks[j], byK[j]);
        }
        return new StepRecord("q" + s, 1, "0".repeat(64), "bench-model", "bench", 0.7, 8192, 20, text(positions), null,
                null, "7", null, 64, n, "stop", tokens, "A".repeat(n), entropyByK, tail, top, List.of(),
                1_700_000_000_000L + s, 1000);
    }

    private static List<Position> positions(Random random) {
        List<Position> out = new ArrayList<>(TOKENS_PER_STEP);
        for (int t = 0; t < TOKENS_PER_STEP; t++) {
            out.add(position(random));
        }
        return out;
    }

    private static Position position(Random random) {
        int k = random.nextDouble() < 0.02 ? 5 + random.nextInt(15) : 20;
        boolean fork = random.nextDouble() < 0.15;
        double scale = fork ? 0.3 + random.nextDouble() : 2 + 5 * random.nextDouble();
        String[] tokens = new String[k];
        double[] lps = new double[k];
        for (int i = 0; i < k; i++) {
            tokens[i] = (i == 0 ? " " : "") + WORDS[random.nextInt(WORDS.length)] + (i == 0 ? "" : String.valueOf(i));
            lps[i] = Math.round((-scale * i - random.nextDouble() * 0.5 - 0.001) * 1e6) / 1e6;
        }
        if (random.nextDouble() < 0.01 && k > 3) {
            tokens[k - 1] = tokens[1];
        }
        if (random.nextDouble() < 0.01) {
            lps[k - 1] = -9999.0;
        }
        return new Position(tokens, lps);
    }

    private static String text(List<Position> positions) {
        StringBuilder sb = new StringBuilder(positions.size() * 6);
        for (Position p : positions) {
            sb.append(p.tokens()[0]);
        }
        return sb.append(" \\boxed{7}").toString();
    }
}
