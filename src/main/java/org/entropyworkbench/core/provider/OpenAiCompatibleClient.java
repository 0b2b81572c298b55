package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.Channel;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Streams {@code POST <base>/chat/completions} from any OpenAI-compatible server (vLLM, llama.cpp,
 * Ollama /v1, OpenAI, OpenRouter, Together, others) with per-token top-k logprobs.
 *
 * <p>The SSE body is read by a hand-written reader (so llama.cpp's {@code error:} lines are seen)
 * and each chunk is parsed with Jackson's streaming parser into arrays reused for the whole
 * stream; listeners receive one reused {@link TokenView}. A server that ignored {@code stream} and
 * answered with one JSON document is handled the same way. A stream that ends without
 * {@code [DONE]} or a finish reason is truncated, not finished.
 *
 * <p>Thread-safe: one instance serves all runner threads; each {@link #stream} call runs entirely
 * on its calling thread.
 */
public final class OpenAiCompatibleClient extends HttpStreamingClient {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenAiCompatibleClient.class);
    private final String chatUrl;

    public OpenAiCompatibleClient(EndpointSettings settings) {
        super(settings);
        this.chatUrl = settings.baseUrl() + "/chat/completions";
    }

    @Override
    public ChatResult stream(ChatRequest request, TokenListener listener, CancellationToken cancel) throws ProviderException {
        if (cancel.isCancelled()) {
            throw errors.cancelled();
        }
        RequestJson.Effective eff = RequestJson.Effective.of(request, settings);
        byte[] body = RequestJson.openAiChat(settings.preset(), request, eff);
        okhttp3.Request.Builder b = post(chatUrl, body, "text/event-stream");
        if (settings.preset() == ServerPreset.OPENROUTER) {
            b.header("X-Title", "Entropy Workbench");
        }
        StreamState st = new StreamState(Channel.CONTROL);
        st.unstreamedStopToken = settings.preset().countsUnstreamedStopToken();
        okhttp3.Request httpRequest = b.build();
        LOG.debug("POST {} ({} bytes, headers {})", chatUrl, body.length, httpRequest.headers().names());
        exchange(http().newCall(httpRequest), cancel, eff, st, (response, source) -> {
            if (isJsonDocument(response, source)) {
                readWholeJson(source, st, listener, eff);
            } else {
                readEvents(source, st, listener, cancel, eff);
            }
        });
        return finish(st, eff);
    }

    private void readEvents(BufferedSource source, StreamState st, TokenListener listener, CancellationToken cancel,
                            RequestJson.Effective eff) throws IOException, ProviderException {
        SseEventReader events = new SseEventReader(source);
        int number = 0;
        while (true) {
            SseEventReader.Kind kind = events.next();
            if (cancel.isCancelled()) {
                throw errors.cancelled();
            }
            if (kind == SseEventReader.Kind.END) {
                break;
            }
            number++;
            if (kind == SseEventReader.Kind.ERROR) {
                ChunkParsers.parseErrorPayload(events.data(), events.dataLength(), st);
                throw errors.fromStreamError(st, eff.model(), eff.topK());
            }
            if (events.isDone()) {
                st.done = true;
                return;
            }
            try {
                ChunkParsers.parseOpenAi(events.data(), events.dataLength(), st);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw errors.malformed(st, number, events.dataSnippet(200), e);
            }
            if (st.errorSeen) {
                throw errors.fromStreamError(st, eff.model(), eff.topK());
            }
            st.emitChunk(listener);
        }
        if (st.finishReason == null || events.endedWithFragment()) {
            throw errors.truncated(st);
        }
    }

    private void readWholeJson(BufferedSource source, StreamState st, TokenListener listener,
                               RequestJson.Effective eff) throws IOException, ProviderException {
        byte[] all = source.readByteArray();
        try {
            ChunkParsers.parseOpenAi(all, all.length, st);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String snippet = new String(all, 0, Math.min(all.length, 200), java.nio.charset.StandardCharsets.UTF_8);
            throw errors.malformed(st, 1, snippet, e);
        }
        if (st.errorSeen) {
            throw errors.fromStreamError(st, eff.model(), eff.topK());
        }
        st.emitChunk(listener);
        st.done = true;
    }

    private ChatResult finish(StreamState st, RequestJson.Effective eff) throws ProviderException {
        ChatResult result = st.result();
        if (settings.preset().refusesReasoningLogprobs() && result.tokensWithLogprobs() == 0
                && result.reasoningTokens() > 0) {
            throw new ProviderException(ProviderException.Kind.NO_LOGPROBS,
                    describe() + ": model '" + eff.model() + "' reasoned for " + result.reasoningTokens()
                            + " hidden tokens and returned no logprobs; OpenAI gives no logprobs for reasoning models."
                            + " Use reasoning_effort 'none' or an open-weight server (vLLM, llama.cpp, Ollama).");
        }
        return result;
    }

    /** A server that ignored {@code stream: true} answers application/json; sniff when the type is missing. */
    private static boolean isJsonDocument(Response response, BufferedSource source) throws IOException {
        String type = response.header("Content-Type");
        if (type != null) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.contains("event-stream")) {
                return false;
            }
            if (t.contains("json")) {
                return true;
            }
        }
        return source.request(1) && source.getBuffer().getByte(0) == '{';
    }
}
