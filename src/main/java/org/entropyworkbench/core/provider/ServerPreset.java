package org.entropyworkbench.core.provider;

/**
 * The model servers the workbench knows how to talk to, with their defaults and request quirks
 * (facts from docs/apis.md). Immutable.
 */
public enum ServerPreset {
    /** vLLM OpenAI-compatible server; {@code --max-logprobs} defaults to 20. */
    VLLM("vLLM", "http://localhost:8000/v1", false, "VLLM_API_KEY", 20, "/version"),
    /** llama.cpp {@code llama-server} /v1 endpoint; no upper limit on top_logprobs. */
    LLAMA_CPP("llama.cpp", "http://localhost:8080/v1", false, "LLAMA_API_KEY", -1, "/props"),
    /** Ollama's OpenAI-compatible /v1 endpoint (top_logprobs 0..20). */
    OLLAMA("Ollama (/v1)", "http://localhost:11434/v1", false, null, 20, "/api/version"),
    /** Ollama's native /api/chat NDJSON endpoint (top_logprobs 0..20). */
    OLLAMA_NATIVE("Ollama (native)", "http://localhost:11434", false, null, 20, "/api/version"),
    /** OpenAI; reasoning models refuse logprobs. Uses max_completion_tokens. */
    OPENAI("OpenAI", "https://api.openai.com/v1", true, "OPENAI_API_KEY", 20, null),
    /** OpenRouter; sends provider.require_parameters so routing only picks providers honouring logprobs. */
    OPENROUTER("OpenRouter", "https://openrouter.ai/api/v1", true, "OPENROUTER_API_KEY", 20, null),
    /** Together AI; its own format takes {@code logprobs} as an integer k. */
    TOGETHER("Together AI", "https://api.together.xyz/v1", true, "TOGETHER_API_KEY", 20, null),
    /** Any other OpenAI-compatible server. */
    CUSTOM("OpenAI-compatible", "http://localhost:8000/v1", false, "EWB_API_KEY", -1, null);

    private final String label;
    private final String defaultBaseUrl;
    private final boolean keyRequired;
    private final String keyEnvVar;
    private final int maxTopLogprobs;
    private final String versionPath;

    ServerPreset(String label, String defaultBaseUrl, boolean keyRequired, String keyEnvVar,
                 int maxTopLogprobs, String versionPath) {
        this.label = label;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyRequired = keyRequired;
        this.keyEnvVar = keyEnvVar;
        this.maxTopLogprobs = maxTopLogprobs;
        this.versionPath = versionPath;
    }

    /** Name for menus, e.g. "vLLM". */
    public String label() { return label; }

    /** Base URL used when the user gives none (for OpenAI-compatible presets it ends in /v1). */
    public String defaultBaseUrl() { return defaultBaseUrl; }

    /** Whether requests fail without a key (hosted services). Local servers take an optional key. */
    public boolean keyRequired() { return keyRequired; }

    /** Environment variable that holds the key by default, or null when the server takes none. */
    public String keyEnvVar() { return keyEnvVar; }

    /** Largest top_logprobs the server accepts by default, or -1 when unknown or unlimited. */
    public int maxTopLogprobs() { return maxTopLogprobs; }

    /** Path (relative to the server root, without /v1) that tells the server version, or null. */
    public String versionPath() { return versionPath; }

    /** Whether the Ollama native NDJSON protocol is used instead of OpenAI-compatible SSE. */
    public boolean nativeOllama() { return this == OLLAMA_NATIVE; }

    /** OpenAI wants {@code max_completion_tokens}; everyone else takes {@code max_tokens}. */
    boolean usesMaxCompletionTokens() { return this == OPENAI; }

    /** Together's own format takes {@code logprobs: k} (an integer) instead of a boolean plus top_logprobs. */
    boolean logprobsAsInteger() { return this == TOGETHER; }

    /** OpenRouter: {@code provider.require_parameters = true} and {@code reasoning.effort}. */
    boolean openRouterBody() { return this == OPENROUTER; }

    /**
     * llama.cpp counts the end-of-sequence token in {@code usage.completion_tokens} but never streams
     * it: a {@code stop} step's usage is one more than its streamed tokens. The client leaves that
     * token out of the step's count so that counts and the {@code token-count-mismatch} flag mean
     * what they say (docs/run-format.md, "Integrity").
     */
    public boolean countsUnstreamedStopToken() { return this == LLAMA_CPP; }

    /** OpenAI never returns logprobs for reasoning tokens and rejects them on reasoning models. */
    boolean refusesReasoningLogprobs() { return this == OPENAI; }

    /** Lower-case short name used in run files and {@link ChatProvider#describe()}, e.g. "vllm". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
