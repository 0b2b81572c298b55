package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.entropyworkbench.core.token.Channel;
import org.junit.jupiter.api.Test;

/**
 * The fast chunk reader must give exactly what the Jackson parser gives: every chunk is read by the
 * Jackson path alone and by {@link ChunkParsers#parseOpenAi} (fast path, Jackson on a bail-out) into two
 * stream states, and the emitted tokens (text, channel, logprob and every alternative, doubles compared
 * bit for bit), the result and the error fields must be identical, or both must throw.
 */
class OpenAiChunkFastPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYNTAX = "{}[]\",:\\-0123456789.eE+ntfu \u0001";
    private static final String INSERTS = "\\\"\u00e9{[,";

    @Test
    void sampleRunsReplayedAsChunksParseIdenticallyAndTakeTheFastPath() throws IOException {
        Random random = new Random(10);
        int chunks = 0;
        for (String name : new String[] {"1-reasoning-aime", "2-reasoning-gpqa", "3-instruction-aime", "4-instruction-gpqa"}) {
            List<byte[]> stream = replayAsChunks(Path.of("sample-runs", name + ".jsonl.gz"), random, 6_000);
            assertThat(stream).hasSizeGreaterThan(1_000);
            OpenAiChunkFastPath fast = new OpenAiChunkFastPath();
            for (byte[] chunk : stream) {
                assertThat(fast.tryParse(chunk, chunk.length, new StreamState(Channel.CONTROL)))
                        .as("fast path takes %s", new String(chunk, StandardCharsets.UTF_8)).isTrue();
            }
            assertSameAsJackson(stream);
            chunks += stream.size();
        }
        assertThat(chunks).isGreaterThan(20_000);
    }

    @Test
    void edgeChunksParseIdentically() throws IOException {
        List<byte[]> stream = new ArrayList<>();
        for (String json : edgeChunks()) {
            stream.add(json.getBytes(StandardCharsets.UTF_8));
        }
        stream.add(new byte[] {'{', '"', 'c', 'h', 'o', 'i', 'c', 'e', 's', '"', ':', '[', '{', '"', 'd', 'e', 'l', 't', 'a', '"',
            ':', '{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xFF, 'x', '"', '}', '}', ']', '}'});
        stream.add(("\uFEFF" + edgeChunks().get(0)).getBytes(StandardCharsets.UTF_8));
        assertSameAsJackson(stream);
        for (String json : edgeChunks()) {
            assertSameAsJackson(List.of(json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void fuzzedChunksParseIdentically() throws IOException {
        Random random = new Random(42);
        List<String> bases = edgeChunks();
        for (int i = 0; i < 6_000; i++) {
            byte[] base = bases.get(random.nextInt(bases.size())).getBytes(StandardCharsets.UTF_8);
            byte[] mutated = mutate(base, random);
            assertSameAsJackson(List.of(mutated));
        }
    }

    @Test
    void numbersAreBitIdenticalIncludingTheSlowCases() throws IOException {
        Random random = new Random(7);
        List<byte[]> stream = new ArrayList<>();
        String[] fixed = {"-9999", "-9999.0", "-0", "-0.0", "0", "0.0", "1e-5", "-1.5E+2", "-1.5e-300", "4.9e-324",
            "1.7976931348623157e308", "1.7976931348623157e309", "123456789012345678", "1234567890123456789",
            "123456789012345678901", "-0.1234567890123456789", "-0.000000000000000000000000012", "-1e22", "-1e23",
            "9007199254740993", "-0.30000000000000004", "-2.2250738585072014E-308", "1E0", "-12.5e-3"};
        for (String n : fixed) {
            stream.add(tokenChunk(" x", n));
        }
        for (int i = 0; i < 20_000; i++) {
            double v = -Math.abs(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
            String n = switch (i % 5) {
                case 0 -> Double.toString(v);
                case 1 -> String.format(Locale.ROOT, "%.6f", v);
                case 2 -> String.format(Locale.ROOT, "%.17g", v);
                case 3 -> String.format(Locale.ROOT, "%.3e", v);
                default -> Float.toString((float) v);
            };
            stream.add(tokenChunk(" y", n));
        }
        assertSameAsJackson(stream);
    }

    /** Both parsers over the same chunk sequence, each into its own stream state, compared after every chunk. */
    private static void assertSameAsJackson(List<byte[]> stream) {
        StreamState reference = new StreamState(Channel.CONTROL);
        StreamState candidate = new StreamState(Channel.CONTROL);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (byte[] chunk : stream) {
            String what = new String(chunk, StandardCharsets.UTF_8);
            String referenceThrew = null;
            String candidateThrew = null;
            try {
                ChunkParsers.parseOpenAiJackson(chunk, chunk.length, reference);
            } catch (IOException e) {
                referenceThrew = e.getClass().getName();
            }
            try {
                ChunkParsers.parseOpenAi(chunk, chunk.length, candidate);
            } catch (IOException e) {
                candidateThrew = e.getClass().getName();
            }
            assertThat(candidateThrew).as("exception for %s", what).isEqualTo(referenceThrew);
            if (referenceThrew != null) {
                continue;
            }
            reference.emitChunk(t -> expected.add(describe(t)));
            candidate.emitChunk(t -> actual.add(describe(t)));
            assertThat(actual).as("tokens of %s", what).isEqualTo(expected);
            assertThat(state(candidate)).as("state after %s", what).isEqualTo(state(reference));
        }
        assertThat(candidate.result()).isEqualTo(reference.result());
    }

    private static String describe(org.entropyworkbench.core.token.TokenView t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.text()).append('|').append(t.channel()).append('|').append(Double.doubleToRawLongBits(t.logprob()));
        for (int i = 0; i < t.topCount(); i++) {
            sb.append('|').append(t.topToken(i)).append('=').append(Double.doubleToRawLongBits(t.topLogprob(i)));
        }
        return sb.toString();
    }

    private static String state(StreamState st) {
        return st.result() + " error=" + st.errorSeen + "/" + st.errorMessage + "/" + st.errorCode + "/" + st.errorType
                + " done=" + st.done + " tokens=" + st.tokensEmitted() + "/" + st.tokensWithLogprobs();
    }

    /** A recorded run's steps as the chunks an OpenAI server would have streamed, with 20 alternatives per token. */
    private static List<byte[]> replayAsChunks(Path run, Random random, int maxTokens) throws IOException {
        List<byte[]> out = new ArrayList<>();
        List<String> vocabulary = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(run)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && out.size() < maxTokens) {
                JsonNode step = JSON.readTree(line);
                if (!"step".equals(step.path("type").asText())) {
                    continue;
                }
                JsonNode tokens = step.path("tokens");
                JsonNode lp = step.path("lp");
                String channels = step.path("channels").asText("");
                for (int i = 0; i < tokens.size() && out.size() < maxTokens; i++) {
                    String text = tokens.get(i).asText();
                    vocabulary.add(text);
                    double chosen = lp.has(i) && lp.get(i).isNumber() ? lp.get(i).asDouble() : -9999.0;
                    boolean reasoning = i < channels.length() && channels.charAt(i) == 'r';
                    out.add(chunk(text, reasoning, chosen, alternatives(text, chosen, vocabulary, random), random));
                }
                out.add(("{\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\""
                        + step.path("finish").asText("stop") + "\"}]}").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<Object[]> alternatives(String text, double chosen, List<String> vocabulary, Random random) {
        List<Object[]> alts = new ArrayList<>();
        alts.add(new Object[] {text, chosen});
        double lp = Math.min(chosen, 0);
        for (int i = 1; i < 20; i++) {
            lp -= random.nextDouble() * 2;
            String tok = random.nextInt(10) == 0 ? text : vocabulary.get(random.nextInt(vocabulary.size()));
            Object value = switch (random.nextInt(8)) {
                case 0 -> -9999;
                case 1 -> String.format(Locale.ROOT, "%.6f", lp);
                default -> lp;
            };
            alts.add(new Object[] {tok, value});
        }
        return alts;
    }

    private static byte[] chunk(String text, boolean reasoning, double chosen, List<Object[]> alts, Random random)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1400);
        try (JsonGenerator g = JSON.getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeStringField("id", "chatcmpl-1");
            g.writeStringField("object", "chat.completion.chunk");
            g.writeNumberField("created", 1_765_000_000L);
            g.writeStringField("model", "replay");
            g.writeStringField("system_fingerprint", "b1234");
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("delta");
            g.writeStringField(reasoning ? "reasoning_content" : "content", text);
            if (reasoning) {
                g.writeNullField("content");
            }
            g.writeEndObject();
            g.writeObjectFieldStart("logprobs");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeNumberField("id", 42);
            g.writeStringField("token", text);
            g.writeNumberField("logprob", chosen);
            writeBytes(g, text, random);
            g.writeArrayFieldStart("top_logprobs");
            for (Object[] alt : alts) {
                g.writeStartObject();
                g.writeStringField("token", (String) alt[0]);
                if (alt[1] instanceof Double d) {
                    g.writeNumberField("logprob", d);
                } else if (alt[1] instanceof Integer n) {
                    g.writeNumberField("logprob", n);
                } else {
                    g.writeFieldName("logprob");
                    g.writeRawValue((String) alt[1]);
                }
                writeBytes(g, (String) alt[0], random);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeNullField("finish_reason");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return buf.toByteArray();
    }

    private static void writeBytes(JsonGenerator g, String text, Random random) throws IOException {
        if (random.nextBoolean()) {
            g.writeNullField("bytes");
            return;
        }
        g.writeArrayFieldStart("bytes");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            g.writeNumber(b & 0xFF);
        }
        g.writeEndArray();
    }

    private static byte[] tokenChunk(String text, String number) {
        return ("{\"choices\":[{\"delta\":{\"content\":\"" + text + "\"},\"logprobs\":{\"content\":[{\"token\":\"" + text
                + "\",\"logprob\":" + number + ",\"top_logprobs\":[{\"token\":\"" + text + "\",\"logprob\":" + number
                + "},{\"token\":\"z\",\"logprob\":" + number + "}]}]}}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mutate(byte[] base, Random random) {
        byte[] b = base.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()));
                case 1 -> b = java.util.Arrays.copyOf(b, at);
                case 2 -> b[at] = (byte) random.nextInt(256);
                default -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) INSERTS.charAt(random.nextInt(INSERTS.length()));
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
            }
            if (b.length == 0) {
                return b;
            }
        }
        return b;
    }

    private static List<String> edgeChunks() {
        String top = "\"top_logprobs\":[{\"token\":\"a\\\"b\\\\c\\n\\u00e9\\/\\t\",\"logprob\":-0.5,\"bytes\":[97]},"
                + "{\"token\":\"a\\\"b\\\\c\\n\\u00e9\\/\\t\",\"logprob\":-1.25},{\"token\":\"\u00e9\ud83d\ude00\",\"logprob\":-9999},"
                + "{\"token\":\"\\ud83d\\ude00\",\"logprob\":NaN},{\"token\":\"x\",\"logprob\":-Infinity},"
                + "{\"token\":\"y\",\"logprob\":\"-inf\"},{\"token\":\"z\",\"logprob\":null},{\"logprob\":-3.5},{\"token\":\"w\"},"
                + "{\"token\":null,\"logprob\":-2},{\"token\":\"\\u0000\",\"logprob\":1e-3},7,null]";
        return List.of(
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi \\\"there\\\"\"},\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1," + top + "}]},\"finish_reason\":null}]}",
                "{\"choices\":[{\"delta\":{\"reasoning_content\":\"think\",\"content\":null},\"logprobs\":{\"content\":[{\"token\":\"think\",\"logprob\":-0.2,\"top_logprobs\":[]}]}}]}",
                "{\"choices\":[{\"delta\":{\"reasoning\":\"r\"},\"logprobs\":{\"content\":[{\"token\":\"r\",\"logprob\":-9999.0}]}}]}",
                "{\"choices\":[{\"delta\":{\"thinking\":\"t\"},\"logprobs\":{\"content\":[{\"token\":\"t\"}]}}]}",
                "{\"choices\":[{\"delta\":{\"content\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}]}",
                "{\"choices\":[{\"delta\":{},\"logprobs\":{\"content\":null,\"refusal\":null}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"no logprobs\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"x\"},\"logprobs\":{\"content\":[1,null,{}]}}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"completion_tokens_details\":{\"reasoning_tokens\":3}}}",
                "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"code\":500}}",
                "{\"object\":\"error\",\"message\":\"bad\",\"code\":400}",
                "{\"error\":null,\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}",
                "{\"choices\":[{\"text\":\"legacy\",\"logprobs\":{\"tokens\":[\"le\",\"gacy\"],\"token_logprobs\":[-0.1,null],\"top_logprobs\":[{\"le\":-0.1,\"la\":-2},null]}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"p\"},\"logprobs\":{\"content\":[{\"token\":\"p\",\"prob\":0.5,\"top_probs\":[{\"token\":\"p\",\"prob\":0.5},{\"token\":\"q\",\"prob\":0.25}]}]}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"s\"},\"logprobs\":-0.3,\"top_logprobs\":{\"s\":-0.3,\"t\":-1.5}}]}",
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"whole\"},\"logprobs\":{\"content\":[{\"token\":\"whole\",\"logprob\":-0.01,\"top_logprobs\":[{\"token\":\"whole\",\"logprob\":-0.01}]}]},\"finish_reason\":\"length\"}],\"model\":\"m\",\"system_fingerprint\":\"fp\"}",
                " \n{ \"choices\" : [ { \"delta\" : { \"content\" : \"sp\" } , \"logprobs\" : { \"content\" : [ { \"token\" : \"sp\" , \"logprob\" : -1.0E-2 } ] } } ] }\r\n ",
                "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]} {\"x\":1}",
                "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}x",
                "[1,2]",
                "{\"choices\":[{\"delta\":{\"content\":\"dup\"},\"delta\":{\"content\":\"dup2\"},\"finish_reason\":\"a\",\"finish_reason\":\"b\"}],\"model\":1,\"model\":\"m2\"}",
                "{\"choices\":{\"not\":\"an array\"},\"extra\":[true,false,null,{\"a\":[1.5e3,-0,\"s\\u12ab\"]}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"\\ud800\"},\"logprobs\":{\"content\":[{\"token\":\"\\ud800x\",\"logprob\":-1}]}}]}",
                "{\"choices\":[{\"delta\":{\"con\\u0074ent\":\"escaped key\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"tab\tinside\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":01}]}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":+1}]}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":-.5}]}}]}",
                "{}");
    }
}
