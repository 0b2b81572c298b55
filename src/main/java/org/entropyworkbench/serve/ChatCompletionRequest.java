package org.entropyworkbench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.provider.ChatMessage;

/**
 * A client's {@code POST /v1/chat/completions} body, checked: valid JSON object, a non-empty
 * {@code messages} array of text turns, {@code n} at most 1. Immutable apart from {@link #body},
 * which only the observe path changes (adding logprobs) before forwarding it.
 *
 * @param body      the parsed body as sent
 * @param messages  its turns as text (array content parts joined), for the gate's step 1
 * @param stream    whether the client asked for SSE
 * @param includeUsage whether a streaming client asked for the usage chunk
 * @param model     the model the client named, or null
 * @param maxTokens max_completion_tokens / max_tokens, or -1 when unset
 */
record ChatCompletionRequest(ObjectNode body, List<ChatMessage> messages, boolean stream, boolean includeUsage,
                             String model, int maxTokens) {

    static ChatCompletionRequest parse(byte[] raw) throws ClientError {
        JsonNode root;
        try {
            root = OpenAiJson.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ClientError.invalid(null, "the request body is not valid JSON: "
                    + e.getOriginalMessage() + " (at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw ClientError.invalid(null, "the request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ClientError.invalid(null, "the request body must be a JSON object with 'model' and 'messages'");
        }
        ObjectNode body = (ObjectNode) root;
        JsonNode msgs = body.get("messages");
        if (msgs == null || msgs.isNull()) {
            throw ClientError.invalid("messages", "'messages' is required: a non-empty array of {role, content}");
        }
        if (!msgs.isArray() || msgs.isEmpty()) {
            throw ClientError.invalid("messages", "'messages' must be a non-empty array of {role, content}");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < msgs.size(); i++) {
            messages.add(message(msgs.get(i), i));
        }
        JsonNode n = body.get("n");
        if (n != null && !n.isNull() && (!n.canConvertToInt() || n.asInt() != 1)) {
            throw ClientError.invalid("n", "'n' must be 1: the gate decides per completion, so n > 1 is not supported");
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        String model = body.hasNonNull("model") ? body.get("model").asText() : null;
        int maxTokens = -1;
        for (String f : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode m = body.get(f);
            if (m != null && !m.isNull()) {
                if (!m.canConvertToInt() || m.asInt() < 1) {
                    throw ClientError.invalid(f, "'" + f + "' must be a positive integer, got " + m);
                }
                maxTokens = m.asInt();
                break;
            }
        }
        return new ChatCompletionRequest(body, List.copyOf(messages), stream, includeUsage, model, maxTokens);
    }

    private static ChatMessage message(JsonNode m, int i) throws ClientError {
        String where = "messages[" + i + "]";
        if (!m.isObject()) {
            throw ClientError.invalid(where, where + " must be an object {role, content}");
        }
        JsonNode role = m.get("role");
        if (role == null || !role.isTextual() || role.asText().isBlank()) {
            throw ClientError.invalid(where + ".role", where + " has no 'role'");
        }
        JsonNode content = m.get("content");
        String text;
        if (content == null || content.isNull()) {
            text = "";
        } else if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText())) {
                    throw ClientError.invalid(where + ".content", where + " has a '" + part.path("type").asText()
                            + "' part; the gate sends text turns only");
                }
                sb.append(part.path("text").asText());
            }
            text = sb.toString();
        } else {
            throw ClientError.invalid(where + ".content", where + ".content must be a string or an array of text parts");
        }
        return new ChatMessage(role.asText(), text);
    }
}
