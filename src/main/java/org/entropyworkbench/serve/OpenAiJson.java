package org.entropyworkbench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The proxy's own OpenAI-shaped bodies: {@code chat.completion}, {@code chat.completion.chunk} and
 * the error object. Stateless, thread-safe.
 */
final class OpenAiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenAiJson() {
    }

    /** OpenAI's error shape: {@code {"error":{"message","type","param","code"}}}. */
    static byte[] error(String message, String type, String param, String code) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return bytes(root);
    }

    /** A whole non-streaming reply. */
    static byte[] completion(String id, long created, String model, String content, String reasoning,
                             String finishReason, GateReport report) {
        ObjectNode root = head(id, "chat.completion", created, model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        if (reasoning != null) {
            message.put("reasoning_content", reasoning);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason == null ? "stop" : finishReason);
        usage(root, report);
        root.set(GateReport.EXTENSION, report.toJson());
        return bytes(root);
    }

    /** One delta chunk; {@code reasoning} and {@code content} may be null. */
    static byte[] delta(String id, long created, String model, String reasoning, String content, boolean first) {
        ObjectNode root = head(id, "chat.completion.chunk", created, model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant");
        }
        if (reasoning != null) {
            delta.put("reasoning_content", reasoning);
        }
        if (content != null) {
            delta.put("content", content);
        }
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return bytes(root);
    }

    /** The chunk with the finish reason, carrying the extension object. */
    static byte[] finish(String id, long created, String model, String finishReason, GateReport report) {
        ObjectNode root = head(id, "chat.completion.chunk", created, model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason == null ? "stop" : finishReason);
        root.set(GateReport.EXTENSION, report.toJson());
        return bytes(root);
    }

    /** The usage chunk a client asked for with {@code stream_options.include_usage}. */
    static byte[] usageChunk(String id, long created, String model, GateReport report) {
        ObjectNode root = head(id, "chat.completion.chunk", created, model);
        root.putArray("choices");
        usage(root, report);
        return bytes(root);
    }

    private static ObjectNode head(String id, String object, long created, String model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        return root;
    }

    private static void usage(ObjectNode root, GateReport report) {
        ObjectNode u = root.putObject("usage");
        int prompt = Math.max(0, report.promptTokens());
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", report.completionTokens());
        u.put("total_tokens", prompt + report.completionTokens());
    }

    static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a reply", e);
        }
    }

    static byte[] sse(byte[] json) {
        byte[] out = new byte[json.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 6);
        System.arraycopy(json, 0, out, 6, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    static final byte[] SSE_DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
}
