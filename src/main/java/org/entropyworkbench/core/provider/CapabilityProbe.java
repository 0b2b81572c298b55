package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.TokenView;
import org.entropyworkbench.core.token.Channel;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One short streaming request at connect time (apis.md section 10.6): are we reachable, do logprobs
 * come back, how many alternatives does the server accept, and are reasoning tokens covered. When
 * the server answers 400 naming a top_logprobs limit, the request is repeated once with that limit
 * and the limit is reported. The server version is read where the server tells it (vLLM
 * {@code /version}, llama.cpp {@code /props}, Ollama {@code /api/version}).
 *
 * <p>Blocking; run it on a background thread. Thread-safe (no shared mutable state).
 */
public final class CapabilityProbe {
    /** The probe's question: short, and enough to make a reasoning model start reasoning. */
    public static final String PROBE_QUESTION = "What is 17 + 25? Think briefly, then answer with just the number.";
    static final int DEFAULT_PROBE_TOKENS = 48;
    private static final int MAX_VERSION_BODY = 64 * 1024;

    private final EndpointSettings settings;
    private final int probeTokens;

    public CapabilityProbe(EndpointSettings settings) {
        this(settings, DEFAULT_PROBE_TOKENS);
    }

    public CapabilityProbe(EndpointSettings settings, int probeTokens) {
        this.settings = settings;
        this.probeTokens = probeTokens;
    }

    /** Runs the probe; never throws, every failure becomes a report with a verdict. */
    public ProbeReport run(CancellationToken cancel) {
        return run(cancel, null);
    }

    /**
     * Runs the probe and also hands every token of the probe's reply to {@code alsoTo} (on the streaming
     * thread), so a caller can check what its own computation gets from this server, e.g. whether a
     * confidence signal can be computed from it; null for none.
     */
    public ProbeReport run(CancellationToken cancel, TokenListener alsoTo) {
        String version = fetchVersion();
        int k = settings.topK() > 0 ? settings.topK() : EndpointSettings.DEFAULT_TOP_K;
        int limit = -1;
        Observed seen = new Observed(alsoTo);
        ChatResult result;
        try (ChatProvider provider = ChatProviders.create(settings)) {
            try {
                result = provider.stream(request(k), seen, cancel);
            } catch (TopLogprobsLimitException e) {
                if (e.maxTopLogprobs() < 1 || e.maxTopLogprobs() >= k) {
                    throw e;
                }
                limit = e.maxTopLogprobs();
                k = limit;
                seen = new Observed(alsoTo);
                result = provider.stream(request(k), seen, cancel);
            }
        } catch (IllegalArgumentException e) {
            return new ProbeReport(false, false, 0, false, version, e.getMessage());
        } catch (ProviderException e) {
            return failed(e, version);
        }
        String serverVersion = version != null ? version : result.serverVersion();
        boolean logprobs = result.tokensWithLogprobs() > 0;
        boolean reasoningSeen = seen.reasoningTokens > 0 || result.reasoningText() != null || result.reasoningTokens() > 0;
        boolean covered = seen.reasoningWithLogprobs > 0;
        int slots = fetchSlotCount();
        String slotNote = slots > 0 ? " The server has " + slots + " parallel slot" + (slots == 1 ? "" : "s")
                + " (llama.cpp): a concurrency of " + slots + " keeps " + (slots == 1 ? "it" : "them all") + " busy." : "";
        return new ProbeReport(true, logprobs, logprobs ? k : 0, covered, serverVersion,
                verdict(logprobs, covered, reasoningSeen, k, seen.maxTopCount, limit) + slotNote, slots);
    }

    /**
     * llama.cpp's parallel slot count: {@code total_slots} of {@code /props}, else the number of entries
     * of {@code /slots}; -1 for other servers (asked only of the llama.cpp and custom presets).
     */
    int fetchSlotCount() {
        if (settings.preset() != ServerPreset.LLAMA_CPP && settings.preset() != ServerPreset.CUSTOM) {
            return -1;
        }
        String props = get("/props");
        int slots = props == null ? -1 : topLevelInt(props, "total_slots");
        if (slots > 0) {
            return slots;
        }
        String list = get("/slots");
        return list == null ? -1 : arrayLength(list);
    }

    /** The body of a short GET below the server root, or null on any failure. */
    private String get(String path) {
        EndpointSettings quick = settings.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        HttpStreamingClient client = new OpenAiCompatibleClient(quick);
        Request.Builder b = new Request.Builder().url(settings.serverRoot() + path).get();
        client.authorize(b);
        try (Response r = client.http().newCall(b.build()).execute()) {
            if (!r.isSuccessful() || r.body() == null) {
                return null;
            }
            return r.peekBody(MAX_VERSION_BODY).string();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A positive integer field at the top level of a JSON object, or -1. */
    static int topLevelInt(String json, String field) {
        try (JsonParser p = ChunkParsers.JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (field.equals(f) && t == JsonToken.VALUE_NUMBER_INT) {
                    return p.getIntValue();
                }
                p.skipChildren();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The number of elements of a top-level JSON array, or -1. */
    static int arrayLength(String json) {
        try (JsonParser p = ChunkParsers.JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return -1;
            }
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
                n++;
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    private ChatRequest request(int k) {
        return new ChatRequest("probe", 1, List.of(ChatMessage.user(PROBE_QUESTION)), settings.model(),
                settings.temperature(), probeTokens, k, settings.reasoningEffort(), null);
    }

    private String verdict(boolean logprobs, boolean covered, boolean reasoningSeen, int k, int maxTopCount, int limit) {
        String capNote = limit > 0 ? " The server caps top_logprobs at " + limit + "." : "";
        if (!logprobs) {
            String hint = settings.preset() == ServerPreset.OPENROUTER
                    ? " (the provider OpenRouter chose may not support logprobs)" : "";
            return "Reachable, but no logprobs came back" + hint + ": entropy cannot be measured with this endpoint.";
        }
        String alternatives = maxTopCount < k
                ? " (asked for " + k + " alternatives per token, got at most " + maxTopCount + ")"
                : " with " + k + " alternatives per token";
        if (covered) {
            return "Ready: logprobs" + alternatives + ", including the reasoning tokens." + capNote;
        }
        if (reasoningSeen) {
            return "Logprobs" + alternatives + " arrive for the answer but not for the reasoning tokens,"
                    + " so entropy would cover the answer only." + capNote;
        }
        return "Logprobs work" + alternatives + "; no reasoning tokens were seen in the short probe"
                + " (a non-reasoning model, or reasoning off)." + capNote;
    }

    private ProbeReport failed(ProviderException e, String version) {
        switch (e.kind()) {
            case NO_LOGPROBS:
                return new ProbeReport(true, false, 0, false, version, e.getMessage());
            case CANCELLED:
                return new ProbeReport(false, false, 0, false, version, "Probe cancelled.");
            case STREAM_BROKEN:
                return new ProbeReport(true, false, 0, false, version,
                        "The server started answering but the stream broke: " + e.getMessage());
            case RETRYABLE:
                if (e.httpStatus() < 0) {
                    return new ProbeReport(false, false, 0, false, version, "Cannot reach the server: " + e.getMessage());
                }
                return new ProbeReport(true, false, 0, false, version,
                        "The server is busy or failing, try again later: " + e.getMessage());
            default:
                return new ProbeReport(e.httpStatus() > 0, false, 0, false, version,
                        "The server refused the probe: " + e.getMessage());
        }
    }

    /** The version the server reports on its version endpoint, or null. */
    String fetchVersion() {
        String path = settings.preset().versionPath();
        if (path == null) {
            return null;
        }
        EndpointSettings quick = settings.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        HttpStreamingClient client = new OpenAiCompatibleClient(quick);
        Request.Builder b = new Request.Builder().url(settings.serverRoot() + path).get();
        client.authorize(b);
        try (Response r = client.http().newCall(b.build()).execute()) {
            ResponseBody body = r.body();
            if (!r.isSuccessful() || body == null) {
                return null;
            }
            return versionField(r.peekBody(MAX_VERSION_BODY).string());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code version} (vLLM, Ollama) or {@code build_info} (llama.cpp) at the top level of a JSON object. */
    static String versionField(String json) {
        try (JsonParser p = ChunkParsers.JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String f;
            String found = null;
            while ((f = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (("version".equals(f) || "build_info".equals(f)) && t == JsonToken.VALUE_STRING) {
                    found = found == null || "version".equals(f) ? p.getText() : found;
                } else {
                    p.skipChildren();
                }
            }
            return found;
        } catch (IOException e) {
            return null;
        }
    }

    /** Counts what the probe stream delivered; runs on the streaming thread. */
    private static final class Observed implements TokenListener {
        private final TokenListener alsoTo;
        int maxTopCount;
        int reasoningTokens;
        int reasoningWithLogprobs;

        Observed(TokenListener alsoTo) {
            this.alsoTo = alsoTo;
        }

        @Override
        public void onToken(TokenView token) {
            if (alsoTo != null) {
                alsoTo.onToken(token);
            }
            maxTopCount = Math.max(maxTopCount, token.topCount());
            if (token.channel() == Channel.REASONING) {
                reasoningTokens++;
                if (token.topCount() > 0 || !Double.isNaN(token.logprob())) {
                    reasoningWithLogprobs++;
                }
            }
        }
    }
}
