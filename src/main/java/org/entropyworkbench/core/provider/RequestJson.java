package org.entropyworkbench.core.provider;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Builds request bodies with each preset's quirks (apis.md): OpenAI's {@code max_completion_tokens},
 * Together's integer {@code logprobs}, OpenRouter's {@code provider.require_parameters} and
 * {@code reasoning.effort}, {@code stream_options} only together with {@code stream: true}, and
 * Ollama's native {@code options}/{@code think}. Stateless, thread-safe.
 */
final class RequestJson {
    private RequestJson() {
    }

    /** Values for one call: the request's own, falling back to the endpoint settings. */
    record Effective(String model, double temperature, int maxTokens, int topK, String reasoningEffort, Long seed) {
        static Effective of(ChatRequest r, EndpointSettings s) {
            String model = r.model() == null || r.model().isBlank() ? s.model() : r.model();
            int max = r.maxTokens() > 0 ? r.maxTokens() : s.maxTokens();
            int k = r.topLogprobs() >= 0 ? r.topLogprobs() : s.topK();
            String effort = r.reasoningEffort() != null ? r.reasoningEffort() : s.reasoningEffort();
            return new Effective(model, r.temperature(), max, k, effort, r.seed());
        }
    }

    static byte[] openAiChat(ServerPreset preset, ChatRequest request, Effective e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = ChunkParsers.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", e.model());
            writeMessages(g, request);
            g.writeBooleanField("stream", true);
            g.writeObjectFieldStart("stream_options");
            g.writeBooleanField("include_usage", true);
            g.writeEndObject();
            g.writeNumberField("temperature", e.temperature());
            g.writeNumberField(preset.usesMaxCompletionTokens() ? "max_completion_tokens" : "max_tokens", e.maxTokens());
            if (preset.logprobsAsInteger()) {
                g.writeNumberField("logprobs", Math.max(1, e.topK()));
            } else {
                g.writeBooleanField("logprobs", true);
                g.writeNumberField("top_logprobs", e.topK());
            }
            if (e.seed() != null) {
                g.writeNumberField("seed", e.seed());
            }
            if (e.reasoningEffort() != null) {
                if (preset.openRouterBody()) {
                    g.writeObjectFieldStart("reasoning");
                    g.writeStringField("effort", e.reasoningEffort());
                    g.writeEndObject();
                } else {
                    g.writeStringField("reasoning_effort", e.reasoningEffort());
                }
            }
            if (preset.openRouterBody()) {
                g.writeObjectFieldStart("provider");
                g.writeBooleanField("require_parameters", true);
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot build request body", ex);
        }
        return out.toByteArray();
    }

    /**
     * Ollama {@code /api/chat}. {@code think}: omitted when no effort is set; "none"/"false" -> false,
     * "true" -> true, anything else (gpt-oss "low"/"medium"/"high") is passed as the string.
     */
    static byte[] ollamaChat(ChatRequest request, Effective e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = ChunkParsers.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", e.model());
            writeMessages(g, request);
            g.writeBooleanField("stream", true);
            g.writeBooleanField("logprobs", true);
            g.writeNumberField("top_logprobs", e.topK());
            if (e.reasoningEffort() != null) {
                String effort = e.reasoningEffort().toLowerCase(Locale.ROOT);
                if (effort.equals("none") || effort.equals("false")) {
                    g.writeBooleanField("think", false);
                } else if (effort.equals("true")) {
                    g.writeBooleanField("think", true);
                } else {
                    g.writeStringField("think", e.reasoningEffort());
                }
            }
            g.writeObjectFieldStart("options");
            g.writeNumberField("temperature", e.temperature());
            g.writeNumberField("num_predict", e.maxTokens());
            if (e.seed() != null) {
                g.writeNumberField("seed", e.seed());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot build request body", ex);
        }
        return out.toByteArray();
    }

    private static void writeMessages(JsonGenerator g, ChatRequest request) throws IOException {
        g.writeArrayFieldStart("messages");
        for (ChatMessage m : request.messages()) {
            g.writeStartObject();
            g.writeStringField("role", m.role());
            g.writeStringField("content", m.content());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
