package org.entropyworkbench.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.entropyworkbench.bench.FaultPlan;
import org.entropyworkbench.bench.LoopbackSseServer;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ServerPreset;

/** A loopback upstream and a proxy in front of it, for one test; closes both. */
final class ServeFixture implements AutoCloseable {
    static final String MODEL = "bench-model";
    static final int TOKENS = 24;

    final LoopbackSseServer upstream;
    final List<String> log = new CopyOnWriteArrayList<>();
    ServeServer proxy;

    private ServeFixture(LoopbackSseServer upstream) {
        this.upstream = upstream;
    }

    static ServeFixture upstream(FaultPlan faults, double tokensPerSecond) throws Exception {
        return new ServeFixture(LoopbackSseServer.start(
                new LoopbackSseServer.Settings(TOKENS, tokensPerSecond, faults, 7L, "42")));
    }

    /** Settings most tests share; override with the with* helpers of {@link Options}. */
    record Options(ServeMode mode, double tau, int maxConcurrency, long maxBody, Duration timeout, UpstreamAuth auth,
                   ProxyToken token, Path record, boolean recordText) {
        static Options gate(double tau) {
            return new Options(ServeMode.GATE, tau, 8, 64 * 1024, Duration.ofSeconds(20), UpstreamAuth.NONE, null, null, false);
        }

        Options mode(ServeMode m) {
            return new Options(m, tau, maxConcurrency, maxBody, timeout, auth, token, record, recordText);
        }

        Options concurrency(int n) {
            return new Options(mode, tau, n, maxBody, timeout, auth, token, record, recordText);
        }

        Options timeout(Duration d) {
            return new Options(mode, tau, maxConcurrency, maxBody, d, auth, token, record, recordText);
        }

        Options secrets(UpstreamAuth a, ProxyToken t) {
            return new Options(mode, tau, maxConcurrency, maxBody, timeout, a, t, record, recordText);
        }

        Options record(Path p, boolean text) {
            return new Options(mode, tau, maxConcurrency, maxBody, timeout, auth, token, p, text);
        }
    }

    ServeFixture start(Options o) throws Exception {
        EndpointSettings up = new EndpointSettings(ServerPreset.CUSTOM, upstream.baseUrl(), MODEL, null, 20, 0.7, 256,
                null, 64, 0, Duration.ofSeconds(5), Duration.ofSeconds(30));
        ServeConfig config = new ServeConfig("127.0.0.1", 0, up, o.mode(), new EntropyGate(o.tau(), "bayes-optimal", 20),
                0.7, 4, ProtocolPrompts.defaults(AnswerKind.INTEGER), o.maxConcurrency(), o.maxBody(), o.timeout(),
                o.auth(), o.token(), o.record(), o.recordText(), Map.of("file", "test-calibration.json"), log::add);
        proxy = ServeServer.start(config, 5_000);
        return this;
    }

    String proxyRoot() {
        return "http://127.0.0.1:" + proxy.port();
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.stop();
        }
        upstream.close();
    }
}
