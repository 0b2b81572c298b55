package org.entropyworkbench.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.provider.EndpointSettings;

/**
 * Everything one {@code ew serve} needs. Immutable; holds secrets only inside {@link UpstreamAuth}
 * and {@link ProxyToken}, which never print them.
 *
 * @param listenHost       address to bind (127.0.0.1 unless the user says otherwise)
 * @param listenPort       port, 0 for a free one
 * @param upstream         the server behind the proxy (preset, base URL, model, timeouts; its key is unused,
 *                         {@link #auth} decides per request)
 * @param mode             gate or observe
 * @param gate             τ, rule and k from the calibration
 * @param temperature      sampling temperature of the gated calls (the calibration's)
 * @param steps            steps of the full protocol when the gate refines (S, normally 4)
 * @param prompts          the calibration run's prompts; only {@code refine} is sent (the client's messages are step 1)
 * @param maxConcurrency   chat completions in flight; beyond it the proxy answers 429
 * @param maxBodyBytes     largest request body accepted
 * @param requestTimeout   longest a whole client request may take before its upstream calls are cancelled
 * @param auth             which key goes upstream
 * @param requiredToken    token clients must send, or null for none
 * @param recordFile       run file to append every request to, or null
 * @param recordText       whether records keep answer text and token texts
 * @param calibrationInfo  what the record header says about the calibration (no secrets; null values dropped)
 * @param log              one line per request and lifecycle event; never receives a header value
 */
public record ServeConfig(
        String listenHost,
        int listenPort,
        EndpointSettings upstream,
        ServeMode mode,
        EntropyGate gate,
        double temperature,
        int steps,
        PromptSet prompts,
        int maxConcurrency,
        long maxBodyBytes,
        Duration requestTimeout,
        UpstreamAuth auth,
        ProxyToken requiredToken,
        Path recordFile,
        boolean recordText,
        Map<String, Object> calibrationInfo,
        Consumer<String> log) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    public ServeConfig {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(auth, "auth");
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be at least 2 (step 1 and at least one refinement), got " + steps);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max concurrency must be at least 1, got " + maxConcurrency);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
        listenHost = listenHost == null || listenHost.isBlank() ? DEFAULT_HOST : listenHost;
        requestTimeout = requestTimeout == null ? Duration.ofMinutes(30) : requestTimeout;
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>();
        if (calibrationInfo != null) {
            calibrationInfo.forEach((key, value) -> {
                if (value != null) {
                    info.put(key, value);
                }
            });
        }
        calibrationInfo = java.util.Collections.unmodifiableMap(info);
        log = log == null ? line -> { } : log;
    }
}
