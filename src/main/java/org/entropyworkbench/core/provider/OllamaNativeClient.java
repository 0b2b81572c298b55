package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.BufferedSource;
import org.entropyworkbench.core.io.LineRules;
import org.entropyworkbench.core.io.LineSplitter;

/**
 * Streams Ollama's native {@code POST <root>/api/chat} (NDJSON, apis.md section 4.2) with
 * {@code logprobs}/{@code top_logprobs}. Logprobs ride at the top level of each line and may come on
 * lines whose text fields are empty while Ollama's parser buffers, so such tokens keep the channel
 * of the token before them (tags and Harmony markers are still CONTROL). Errors are
 * {@code {"error": "..."}} lines; the stream ends with {@code "done": true}.
 *
 * <p>Thread-safe like {@link OpenAiCompatibleClient}.
 */
public final class OllamaNativeClient extends HttpStreamingClient {
    private final String chatUrl;

    public OllamaNativeClient(EndpointSettings settings) {
        super(settings);
        this.chatUrl = settings.serverRoot() + "/api/chat";
    }

    @Override
    public ChatResult stream(ChatRequest request, TokenListener listener, CancellationToken cancel) throws ProviderException {
        if (cancel.isCancelled()) {
            throw errors.cancelled();
        }
        RequestJson.Effective eff = RequestJson.Effective.of(request, settings);
        byte[] body = RequestJson.ollamaChat(request, eff);
        StreamState st = new StreamState(null);
        exchange(http().newCall(post(chatUrl, body, "application/x-ndjson").build()), cancel, eff, st,
                (response, source) -> readLines(source, st, listener, cancel, eff));
        if (!st.done) {
            throw errors.truncated(st);
        }
        return st.result();
    }

    private void readLines(BufferedSource source, StreamState st, TokenListener listener, CancellationToken cancel,
                           RequestJson.Effective eff) throws IOException, ProviderException {
        LineSplitter lines = LineSplitter.reading(source.inputStream(), LineRules.liveStream());
        int number = 0;
        while (!st.done && lines.next()) {
            if (cancel.isCancelled()) {
                throw errors.cancelled();
            }
            if (lines.lineBlank()) {
                continue;
            }
            number++;
            try {
                ChunkParsers.parseOllamaLine(lines.buffer(), lines.lineStart(), lines.lineLength(), st);
            } catch (JsonProcessingException e) {
                String snippet = new String(lines.buffer(), lines.lineStart(), Math.min(lines.lineLength(), 200),
                        StandardCharsets.UTF_8);
                throw errors.malformed(st, number, snippet, e);
            }
            if (st.errorSeen) {
                throw errors.fromStreamError(st, eff.model(), eff.topK());
            }
            st.emitChunk(listener);
        }
    }
}
