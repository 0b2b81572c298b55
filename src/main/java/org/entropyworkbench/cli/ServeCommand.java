package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.calibration.ChosenThreshold;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.protocol.PromptSet;
import org.entropyworkbench.core.protocol.PromptSetFile;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.CapabilityProbe;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ProbeReport;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.serve.EntropyGate;
import org.entropyworkbench.serve.ProxyToken;
import org.entropyworkbench.serve.ServeConfig;
import org.entropyworkbench.serve.ServeMode;
import org.entropyworkbench.serve.ServeServer;
import org.entropyworkbench.serve.UpstreamAuth;
import org.entropyworkbench.serve.UpstreamSignalCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ew serve}: puts a calibration in front of an OpenAI-compatible server (docs/serve.md).
 * Probes the upstream first and refuses, or warns with {@code --allow-mismatch}, when model, k or
 * temperature differ from the calibration; then serves until Ctrl-C, which drains in-flight requests.
 * Runs on the main thread, which waits for the server to stop.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the calibrated gate as an OpenAI-compatible proxy in front of a model server.",
        footer = {"",
                "Example:",
                "  ew serve --calibration cal.json --preset llamacpp \\",
                "           --upstream http://127.0.0.1:8080/v1 \\",
                "           --listen 127.0.0.1:8090 --record serve.jsonl",
                "  then point any OpenAI client at http://127.0.0.1:8090/v1 (see docs/serve.md)."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--calibration", required = true, paramLabel = "FILE", description = "Calibration file (ew calibrate or the window).")
    private Path calibration;

    @Option(names = "--upstream", required = true, paramLabel = "URL", description = "Base URL of the model server, e.g. http://127.0.0.1:8000/v1.")
    private String upstream;

    @Option(names = "--preset", defaultValue = "custom", paramLabel = "P",
            description = "Server kind: vllm, llamacpp, ollama, openai, openrouter, together or custom (default ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name at the upstream (default: the calibration's).")
    private String model;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8090", paramLabel = "HOST:PORT",
            description = "Address to listen on (default ${DEFAULT-VALUE}; port 0 picks a free one).")
    private String listen;

    @Option(names = "--observe", description = "Shadow mode: pass requests through unchanged, report the decision it would take.")
    private boolean observe;

    @Option(names = "--method", paramLabel = "M",
            description = "Threshold rule instead of the calibration's choice: entropy-mean, information-theoretic,"
                    + " bayes-optimal, scale-invariant-universal.")
    private String method;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: the calibration's, else 0.7).")
    private Double temperature;

    @Option(names = "--steps", paramLabel = "S", description = "Steps when refining (default: the calibration run's, else 4).")
    private Integer steps;

    @Option(names = "--prompts", paramLabel = "FILE", description = "Prompt set JSON when the calibration carries none.")
    private Path prompts;

    @Option(names = "--max-tokens", defaultValue = "8192", paramLabel = "N", description = "Max tokens per step when the client sets none (default ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--reasoning-effort", paramLabel = "E", description = "e.g. high (gpt-oss); default none.")
    private String reasoningEffort;

    @Option(names = "--record", paramLabel = "FILE", description = "Append every request to this run file (ungraded), readable while it grows.")
    private Path record;

    @Option(names = "--record-text", description = "Keep answer and token texts in the record (default: numbers only).")
    private boolean recordText;

    @Option(names = "--max-concurrency", defaultValue = "64", paramLabel = "N", description = "Requests in flight; beyond it 429 (default ${DEFAULT-VALUE}).")
    private int maxConcurrency;

    @Option(names = "--max-body", defaultValue = "4194304", paramLabel = "BYTES", description = "Largest request body (default ${DEFAULT-VALUE}).")
    private long maxBody;

    @Option(names = "--timeout", defaultValue = "1800", paramLabel = "SECONDS", description = "Longest a whole request may take (default ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--read-timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Longest upstream silence (default ${DEFAULT-VALUE}).")
    private long readTimeoutSeconds;

    @Option(names = "--drain", defaultValue = "30", paramLabel = "SECONDS", description = "On Ctrl-C, wait this long for requests in flight (default ${DEFAULT-VALUE}).")
    private long drainSeconds;

    @Option(names = "--key-env", paramLabel = "NAME", description = "Environment variable (or keys-file entry) with the upstream's API key.")
    private String keyEnv;

    @Option(names = "--pass-auth", description = "Send the client's own Authorization upstream instead of a key of the proxy's.")
    private boolean passAuth;

    @Option(names = "--require-token-env", paramLabel = "NAME", description = "Clients must send 'Authorization: Bearer' with this variable's value (401 otherwise).")
    private String requireTokenEnv;

    @Option(names = "--allow-mismatch", description = "Warn instead of refusing when model, k or temperature differ from the calibration.")
    private boolean allowMismatch;

    @Option(names = "--no-probe", description = "Skip the upstream probe (and with it the k check).")
    private boolean noProbe;

    private final ApiKeySource keys;
    private final Map<String, String> environment;

    public ServeCommand() {
        this(ApiKeySource.standard(), System.getenv());
    }

    /** With another key source and environment (tests). */
    ServeCommand(ApiKeySource keys, Map<String, String> environment) {
        this.keys = keys;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ServeServer server = ServeServer.start(config(err), drainSeconds * 1000);
        Thread hook = new Thread(() -> {
            err.println("serve: stopping; draining requests in flight (up to " + drainSeconds + " s)");
            err.flush();
            server.stop();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.join();
        return 0;
    }

    /** Everything checked and resolved; the upstream probed unless --no-probe. */
    ServeConfig config(PrintWriter err) throws Exception {
        if (passAuth && (keyEnv != null || requireTokenEnv != null)) {
            throw new CliErrors.CliFailure("--pass-auth sends the client's Authorization upstream, so it cannot be combined"
                    + " with " + (keyEnv != null ? "--key-env" : "--require-token-env"));
        }
        CalibrationFile cal = CalibrationFileReader.read(calibration);
        ChosenThreshold chosen;
        try {
            chosen = cal.gateThreshold(method == null ? null : ThresholdMethod.fromId(method));
        } catch (IllegalArgumentException e) {
            throw new CliErrors.CliFailure(calibration + ": " + e.getMessage() + " with --method");
        }
        EntropyGate gate;
        try {
            gate = new EntropyGate(chosen.tau(), chosen.id(), cal.k(), cal.gateSignal());
        } catch (IllegalArgumentException e) {
            throw new CliErrors.CliFailure(calibration + ": " + e.getMessage());
        }
        ServerPreset serverPreset = RunCommand.parsePreset(preset);
        String servedModel = model != null ? model : cal.model();
        if (servedModel == null || servedModel.isBlank()) {
            throw new CliErrors.CliFailure(calibration + " names no model: pass --model");
        }
        double temp = temperature != null ? temperature
                : cal.provenance() != null && cal.provenance().temperature() != null ? cal.provenance().temperature()
                : EndpointSettings.DEFAULT_TEMPERATURE;
        EndpointSettings settings = new EndpointSettings(serverPreset, upstream, servedModel, null, cal.k(), temp, maxTokens,
                reasoningEffort, Math.max(1, maxConcurrency), 0, null, Duration.ofSeconds(readTimeoutSeconds));
        ApiKey key = upstreamKey(serverPreset);
        PromptSet promptSet = promptSet(cal, err);
        int stepCount = steps != null ? steps : cal.prompts() != null && cal.prompts().steps() >= 2 ? cal.prompts().steps() : 4;

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", calibration.toString());
        info.put("model", cal.model());
        info.put("k", cal.k());
        if (!noProbe) {
            StepEntropyAccumulator probeTokens = new StepEntropyAccumulator();
            ProbeReport probe = new CapabilityProbe(settings.withApiKey(key)).run(new CancellationToken(), probeTokens);
            err.println("serve: probe of " + settings.describe() + ": " + probe.verdict());
            if (!probe.reachable() || !probe.logprobsReturned()) {
                throw new CliErrors.CliFailure("the upstream cannot be gated: " + probe.verdict());
            }
            UpstreamSignalCheck.Verdict signalCheck = UpstreamSignalCheck.of(gate, probeTokens);
            if (signalCheck.refusal() != null) {
                throw new CliErrors.CliFailure(calibration + ": " + signalCheck.refusal());
            }
            if (signalCheck.warning() != null) {
                err.println("serve: warning: " + signalCheck.warning());
            }
            info.put("upstreamVersion", probe.serverVersion());
            int liveK = Math.min(cal.k(), probe.maxTopK());
            checkProvenance(cal, servedModel, liveK, temp, probe, err);
        } else {
            checkProvenance(cal, servedModel, cal.k(), temp, null, err);
        }
        String host = listenHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1") && requireTokenEnv == null) {
            err.println("serve: warning: listening on " + host + " without --require-token-env: anyone who reaches"
                    + " this address can use the upstream" + (key != null ? " and its key" : ""));
        }
        err.flush();
        return new ServeConfig(host, listenPort(), settings, observe ? ServeMode.OBSERVE : ServeMode.GATE,
                gate, temp, stepCount, promptSet, maxConcurrency, maxBody,
                Duration.ofSeconds(timeoutSeconds), passAuth ? new UpstreamAuth(null, true) : new UpstreamAuth(key, false),
                requiredToken(), record, recordText, info, line -> {
                    err.println(line);
                    err.flush();
                });
    }

    private void checkProvenance(CalibrationFile cal, String servedModel, int k, double temp, ProbeReport probe,
                                 PrintWriter err) {
        List<String> problems = ServingProvenance.mismatches(cal, servedModel, k, temp);
        if (cal.provenance() != null && probe != null && probe.serverVersion() != null
                && cal.provenance().serverVersion() != null && !cal.provenance().serverVersion().equals(probe.serverVersion())) {
            err.println("serve: note: calibrated on server version " + cal.provenance().serverVersion()
                    + ", the upstream reports " + probe.serverVersion());
        }
        if (problems.isEmpty()) {
            return;
        }
        String list = String.join("; ", problems);
        if (!allowMismatch) {
            throw new CliErrors.CliFailure(calibration + " does not match this upstream (" + list
                    + "). τ is only valid for the calibrated model, k and temperature; recalibrate, or pass --allow-mismatch"
                    + " to serve anyway");
        }
        err.println("serve: warning: " + list + " (--allow-mismatch)");
    }

    private PromptSet promptSet(CalibrationFile cal, PrintWriter err) throws Exception {
        if (prompts != null) {
            return PromptSetFile.load(prompts);
        }
        if (cal.prompts() != null && !cal.prompts().refine().isBlank()) {
            return cal.prompts().toPromptSet();
        }
        err.println("serve: note: " + calibration + " records no prompt set; refining with the protocol's default"
                + " refine prompt (pass --prompts to use the calibration run's)");
        return ProtocolPrompts.defaults(AnswerKind.FREE);
    }

    private ApiKey upstreamKey(ServerPreset serverPreset) {
        if (passAuth) {
            return null;
        }
        try {
            java.util.Optional<ApiKey> k = keys.find(serverPreset, keyEnv);
            if (k.isEmpty() && keyEnv != null) {
                throw new CliErrors.CliFailure("no API key found in environment variable " + keyEnv + " or in " + keys.keysFile());
            }
            return k.orElse(null);
        } catch (ProviderException e) {
            throw new CliErrors.CliFailure(e.getMessage());
        }
    }

    private ProxyToken requiredToken() {
        if (requireTokenEnv == null) {
            return null;
        }
        String v = environment.get(requireTokenEnv);
        if (v == null || v.isBlank()) {
            throw new CliErrors.CliFailure("--require-token-env " + requireTokenEnv + ": that environment variable is empty or unset");
        }
        return ProxyToken.of(v);
    }

    private String listenHost() {
        int colon = listen.lastIndexOf(':');
        String host = colon < 0 ? ServeConfig.DEFAULT_HOST : listen.substring(0, colon);
        return host.isBlank() ? ServeConfig.DEFAULT_HOST : host;
    }

    private int listenPort() {
        int colon = listen.lastIndexOf(':');
        String port = colon < 0 ? listen : listen.substring(colon + 1);
        try {
            int p = Integer.parseInt(port.strip());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new CliErrors.CliFailure("--listen '" + listen + "': expected HOST:PORT with a port from 0 to 65535");
        }
    }
}
