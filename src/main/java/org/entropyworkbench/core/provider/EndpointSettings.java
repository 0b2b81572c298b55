package org.entropyworkbench.core.provider;

import java.time.Duration;

/**
 * Where and how to call a model server. Immutable; {@code toString()} shows the key as
 * "ApiKey[***]".
 *
 * @param preset            which server kind (wire quirks, defaults)
 * @param baseUrl           e.g. "http://gpu1:8000/v1"; the preset's default when null or blank
 * @param model             model name as sent to the server
 * @param apiKey            null for servers without authentication
 * @param topK              top_logprobs requested (method default 20)
 * @param temperature       sampling temperature (method default 0.7)
 * @param maxTokens         max tokens per call (method default 8192)
 * @param reasoningEffort   e.g. "high" for gpt-oss, or null to send none
 * @param concurrency       parallel requests allowed (at least 1)
 * @param requestsPerMinute request starts per minute, 0 = unlimited
 * @param connectTimeout    TCP/TLS connect timeout
 * @param readTimeout       longest silence between two bytes of a response before it counts as failed
 */
public record EndpointSettings(
        ServerPreset preset,
        String baseUrl,
        String model,
        ApiKey apiKey,
        int topK,
        double temperature,
        int maxTokens,
        String reasoningEffort,
        int concurrency,
        int requestsPerMinute,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final int DEFAULT_TOP_K = 20;
    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final int DEFAULT_MAX_TOKENS = 8192;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(300);

    public EndpointSettings {
        if (preset == null) {
            throw new IllegalArgumentException("endpoint settings: preset is missing");
        }
        baseUrl = normaliseBaseUrl(baseUrl == null || baseUrl.isBlank() ? preset.defaultBaseUrl() : baseUrl);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("endpoint settings: base URL '" + baseUrl + "' must start with http:// or https://");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("endpoint settings: topK must be >= 0, got " + topK);
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("endpoint settings: maxTokens must be > 0, got " + maxTokens);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("endpoint settings: concurrency must be >= 1, got " + concurrency);
        }
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("endpoint settings: requestsPerMinute must be >= 0 (0 = unlimited), got " + requestsPerMinute);
        }
        if (reasoningEffort != null && reasoningEffort.isBlank()) {
            reasoningEffort = null;
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    }

    /** The method's defaults (method.md section 12) for one preset and model, default base URL, no key. */
    public static EndpointSettings defaults(ServerPreset preset, String model) {
        return new EndpointSettings(preset, null, model, null, DEFAULT_TOP_K, DEFAULT_TEMPERATURE,
                DEFAULT_MAX_TOKENS, null, 1, 0, null, null);
    }

    public EndpointSettings withBaseUrl(String url) {
        return new EndpointSettings(preset, url, model, apiKey, topK, temperature, maxTokens, reasoningEffort,
                concurrency, requestsPerMinute, connectTimeout, readTimeout);
    }

    public EndpointSettings withApiKey(ApiKey key) {
        return new EndpointSettings(preset, baseUrl, model, key, topK, temperature, maxTokens, reasoningEffort,
                concurrency, requestsPerMinute, connectTimeout, readTimeout);
    }

    public EndpointSettings withTopK(int k) {
        return new EndpointSettings(preset, baseUrl, model, apiKey, k, temperature, maxTokens, reasoningEffort,
                concurrency, requestsPerMinute, connectTimeout, readTimeout);
    }

    public EndpointSettings withReasoningEffort(String effort) {
        return new EndpointSettings(preset, baseUrl, model, apiKey, topK, temperature, maxTokens, effort,
                concurrency, requestsPerMinute, connectTimeout, readTimeout);
    }

    public EndpointSettings withConcurrency(int parallel, int perMinute) {
        return new EndpointSettings(preset, baseUrl, model, apiKey, topK, temperature, maxTokens, reasoningEffort,
                parallel, perMinute, connectTimeout, readTimeout);
    }

    public EndpointSettings withTimeouts(Duration connect, Duration read) {
        return new EndpointSettings(preset, baseUrl, model, apiKey, topK, temperature, maxTokens, reasoningEffort,
                concurrency, requestsPerMinute, connect, read);
    }

    /** Preset id and base URL, never the key; the {@code server} field of run files. */
    public String describe() {
        return preset.id() + " " + baseUrl;
    }

    /** The server root without a trailing "/v1", where version endpoints live. */
    public String serverRoot() {
        return baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
    }

    private static String normaliseBaseUrl(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
