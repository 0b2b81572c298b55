package org.entropyworkbench.serve;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.provider.ChatProvider;
import org.entropyworkbench.core.provider.ChatProviders;
import org.entropyworkbench.core.provider.NoDelaySocketFactory;
import org.entropyworkbench.core.run.StepRecord;

/**
 * What every request handler of one proxy shares: the configuration, metrics, the record, the
 * upstream clients. Thread-safe: all members are immutable or thread-safe themselves.
 */
final class ServeContext {
    final ServeConfig config;
    final ServeMetrics metrics;
    final ServeRecorder recorder;
    /** For the raw pass-through calls (observe mode, /v1/models); the gate uses the workbench's provider client. */
    final OkHttpClient passThrough;
    private final ChatProvider fixedProvider;

    ServeContext(ServeConfig config, ServeRecorder recorder) {
        this.config = config;
        this.metrics = new ServeMetrics(config.gate());
        this.recorder = recorder;
        this.passThrough = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(Math.max(16, config.maxConcurrency() * 2), 5, TimeUnit.MINUTES))
                .connectTimeout(config.upstream().connectTimeout())
                // OkHttp's per-read timeout costs a watchdog enter/exit on every socket read, which made
                // pass-through ~10x slower (docs/performance.md); the request timeout bounds these calls
                .readTimeout(java.time.Duration.ZERO)
                .writeTimeout(config.upstream().connectTimeout())
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(UpstreamSocket.CAPTURE)
                .socketFactory(new NoDelaySocketFactory())
                .build();
        this.fixedProvider = config.auth().passThrough() ? null
                : ChatProviders.create(config.upstream().withApiKey(config.auth().fixedKey()));
    }

    /** The model every gated call names. */
    String model() {
        return config.upstream().model();
    }

    /** The workbench's provider client for one request (its own when the client's key is passed through). */
    ChatProvider provider(String clientAuthorization) {
        if (fixedProvider != null) {
            return fixedProvider;
        }
        ApiKey key = config.auth().keyFor(clientAuthorization);
        return ChatProviders.create(config.upstream().withApiKey(key));
    }

    /** Appends a request's steps to the record; a write failure is logged and not the client's problem. */
    void record(List<StepRecord> steps) {
        if (recorder == null || steps.isEmpty()) {
            return;
        }
        try {
            recorder.append(steps);
        } catch (IOException e) {
            config.log().accept("serve: could not append to the record " + config.recordFile() + ": " + e.getMessage());
        }
    }

    void close() {
        if (fixedProvider != null) {
            fixedProvider.close();
        }
        passThrough.dispatcher().executorService().shutdown();
        passThrough.connectionPool().evictAll();
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                config.log().accept("serve: could not close the record: " + e.getMessage());
            }
        }
    }
}
