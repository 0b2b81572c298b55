package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.token.TokenListener;
import java.io.IOException;
import okio.BufferedSource;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.token.TokenListener;

/**
 * Reads an OpenAI-compatible response body that someone else is passing on unchanged (a proxy's
 * observe mode) and hands its tokens with their top-k logprobs to a listener, with the same SSE
 * reader and chunk parser as {@link OpenAiCompatibleClient}, so the entropy seen here is the one a
 * run would have recorded.
 *
 * <p>Unlike the client it never throws on what the server sent: a malformed chunk or an error event
 * stops the token flow and is reported in {@link Outcome}, but the body is still read to its end, so
 * a tee in front of {@code source} forwards every byte. Runs on the calling thread; one instance per
 * response.
 */
public final class OpenAiStreamTap {

    /**
     * What the body held.
     *
     * @param result      text, usage and finish reason as far as they were parsed
     * @param complete    the stream ended with {@code [DONE]} or a finish reason and nothing went wrong
     * @param problem     why the tokens stopped early (malformed chunk, error event, truncation), or null
     */
    public record Outcome(ChatResult result, boolean complete, String problem) {
    }

    private OpenAiStreamTap() {
    }

    /**
     * Reads {@code source} to its end.
     *
     * @param jsonDocument true for a non-streaming {@code chat.completion} body, false for SSE
     */
    public static Outcome read(BufferedSource source, boolean jsonDocument, TokenListener listener) throws IOException {
        StreamState st = new StreamState(Channel.CONTROL);
        if (jsonDocument) {
            byte[] all = source.readByteArray();
            try {
                ChunkParsers.parseOpenAi(all, all.length, st);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return new Outcome(st.result(), false, "the response is not valid JSON");
            }
            if (st.errorSeen) {
                return new Outcome(st.result(), false, "the server sent an error: " + st.errorMessage);
            }
            st.emitChunk(listener);
            return new Outcome(st.result(), true, null);
        }
        SseEventReader events = new SseEventReader(source);
        String problem = null;
        int number = 0;
        while (true) {
            SseEventReader.Kind kind = events.next();
            if (kind == SseEventReader.Kind.END) {
                break;
            }
            number++;
            if (problem != null) {
                continue;
            }
            if (kind == SseEventReader.Kind.ERROR) {
                ChunkParsers.parseErrorPayload(events.data(), events.dataLength(), st);
                problem = "the server sent an error event: " + st.errorMessage;
                continue;
            }
            if (events.isDone()) {
                st.done = true;
                continue;
            }
            try {
                ChunkParsers.parseOpenAi(events.data(), events.dataLength(), st);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problem = "chunk " + number + " is not valid JSON";
                continue;
            }
            if (st.errorSeen) {
                problem = "the server sent an error: " + st.errorMessage;
                continue;
            }
            st.emitChunk(listener);
        }
        if (problem == null && (st.finishReason == null || events.endedWithFragment())) {
            problem = "the stream ended before its finish reason";
        }
        return new Outcome(st.result(), problem == null, problem);
    }
}
