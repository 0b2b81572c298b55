package org.entropyworkbench.ui.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.ChosenThreshold;
import org.entropyworkbench.core.calibration.ServingProvenance;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.grading.Graders;
import org.entropyworkbench.core.protocol.ProtocolPrompts;
import org.entropyworkbench.core.protocol.QuestionPreparer;
import org.entropyworkbench.core.provider.ApiKey;
import org.entropyworkbench.core.provider.ApiKeySource;
import org.entropyworkbench.core.provider.ChatProviders;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.provider.ServerPreset;
import org.entropyworkbench.core.runner.Endpoint;
import org.entropyworkbench.core.runner.GateSettings;
import org.entropyworkbench.core.runner.RunConfig;
import org.entropyworkbench.core.runner.RunMode;
import org.entropyworkbench.core.runner.StepGrader;

/**
 * The Run screen's form: where to send the questions and how. Properties are edited on the FX
 * thread; {@link #snapshot} copies them into an immutable {@link Settings} that background work
 * turns into endpoint settings and a run configuration. A key the user types is kept only in
 * memory, in the password property, and is never shown or written.
 */
public final class RunFormModel {

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerPreset> preset = new SimpleObjectProperty<>(ServerPreset.VLLM);
    private final StringProperty baseUrl = new SimpleStringProperty(ServerPreset.VLLM.defaultBaseUrl());
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty keyVariable = new SimpleStringProperty(nullToEmpty(ServerPreset.VLLM.keyEnvVar()));
    private final StringProperty typedKey = new SimpleStringProperty("");
    private final ObjectProperty<RunMode> mode = new SimpleObjectProperty<>(RunMode.FULL);
    private final IntegerProperty steps = new SimpleIntegerProperty(RunConfig.DEFAULT_STEPS);
    private final IntegerProperty topK = new SimpleIntegerProperty(RunConfig.DEFAULT_TOP_K);
    private final DoubleProperty temperature = new SimpleDoubleProperty(RunConfig.DEFAULT_TEMPERATURE);
    private final IntegerProperty maxTokens = new SimpleIntegerProperty(RunConfig.DEFAULT_MAX_TOKENS);
    private final StringProperty reasoningEffort = new SimpleStringProperty("");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(4);
    private final IntegerProperty requestsPerMinute = new SimpleIntegerProperty(0);
    private final StringProperty output = new SimpleStringProperty("");
    private final BooleanProperty outputEdited = new SimpleBooleanProperty(false);

    public RunFormModel() {
        preset.addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            baseUrl.set(now.defaultBaseUrl());
            keyVariable.set(nullToEmpty(now.keyEnvVar()));
            if (now.maxTopLogprobs() > 0 && topK.get() > now.maxTopLogprobs()) {
                topK.set(now.maxTopLogprobs());
            }
        });
        dataset.addListener((obs, a, b) -> suggestOutput());
        model.addListener((obs, a, b) -> suggestOutput());
    }

    public ObjectProperty<Dataset> dataset() { return dataset; }

    public ObjectProperty<ServerPreset> preset() { return preset; }

    public StringProperty baseUrl() { return baseUrl; }

    public StringProperty model() { return model; }

    /** Name of the environment variable (or keys-file entry) that holds the key. */
    public StringProperty keyVariable() { return keyVariable; }

    /** A key typed into the password field: memory only, never displayed or saved. */
    public StringProperty typedKey() { return typedKey; }

    public ObjectProperty<RunMode> mode() { return mode; }


    public IntegerProperty steps() { return steps; }

    public IntegerProperty topK() { return topK; }

    public DoubleProperty temperature() { return temperature; }

    public IntegerProperty maxTokens() { return maxTokens; }

    /** Empty = send none. */
    public StringProperty reasoningEffort() { return reasoningEffort; }

    public IntegerProperty concurrency() { return concurrency; }

    public IntegerProperty requestsPerMinute() { return requestsPerMinute; }

    /** Run file to write (resumed when it exists). */
    public StringProperty output() { return output; }

    /** Set by the view once the user typed an output path, so choosing a model no longer replaces it. */
    public BooleanProperty outputEdited() { return outputEdited; }

    /** An immutable copy of the form for background work. */
    record Settings(Dataset dataset, ServerPreset preset, String baseUrl, String model, String keyVariable,
                    String typedKey, RunMode mode, int steps, int topK, double temperature,
                    int maxTokens, String reasoningEffort, int concurrency, int requestsPerMinute, String output) {

        @Override
        public String toString() {
            return "Settings[" + preset + " " + baseUrl + " " + model + ", key " + (typedKey.isEmpty() ? "from " + keyVariable : "typed") + "]";
        }
    }

    /** Copies the form. FX thread. */
    Settings snapshot() {
        return new Settings(dataset.get(), preset.get(), baseUrl.get(), model.get().strip(), keyVariable.get(),
                typedKey.get() == null ? "" : typedKey.get(), mode.get(), steps.get(), topK.get(),
                temperature.get(), maxTokens.get(), reasoningEffort.get(), concurrency.get(), requestsPerMinute.get(),
                output.get());
    }

    /**
     * Endpoint settings for the probe and the run. Background thread (may read the keys file).
     *
     * @throws IllegalArgumentException naming the field when the form is incomplete
     * @throws ProviderException        when the keys file may not be used
     */
    static EndpointSettings endpointSettings(Settings s, ApiKeySource keys) throws ProviderException {
        if (s.preset() == null) {
            throw new IllegalArgumentException("Server preset: choose one");
        }
        if (s.model().isEmpty()) {
            throw new IllegalArgumentException("Model: enter the model name the server serves");
        }
        Optional<ApiKey> key = s.typedKey().isBlank() ? keys.find(s.preset(), s.keyVariable()) : Optional.of(ApiKey.of(s.typedKey()));
        if (key.isEmpty() && s.preset().keyRequired()) {
            throw new IllegalArgumentException("API key: " + s.preset().label() + " needs a key; set "
                    + (s.keyVariable().isBlank() ? s.preset().keyEnvVar() : s.keyVariable())
                    + " in the environment or in " + keys.keysFile() + ", or type one");
        }
        return new EndpointSettings(s.preset(), s.baseUrl(), s.model(), key.orElse(null), s.topK(), s.temperature(),
                s.maxTokens(), s.reasoningEffort(), s.concurrency(), s.requestsPerMinute(), null, null);
    }

    /**
     * The gate of a gated or budgeted run: the calibration's chosen rule or custom τ at its k; null
     * for a full run. Any thread.
     *
     * @throws IllegalArgumentException naming what to do when there is no calibration or no choice in it
     */
    static GateSettings gate(CalibrationFile calibration, RunMode mode) {
        if (mode == RunMode.FULL) {
            return null;
        }
        if (calibration == null) {
            throw new IllegalArgumentException("Mode " + mode.wireName()
                    + ": needs a calibration; import or export one on the Calibration screen first");
        }
        ChosenThreshold chosen;
        try {
            chosen = calibration.gateThreshold(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Threshold: the loaded calibration names no chosen rule or τ;"
                    + " choose one on the Calibration screen and export it");
        }
        return new GateSettings(chosen.tau(), chosen.rule(), calibration.k(), "workspace calibration",
                calibration.gateSignal());
    }

    /**
     * The run configuration for a live run. Background thread.
     *
     * @param calibration the workspace calibration (gated and budgeted runs), may be null
     * @param runSeed     seed of the multiple-choice option shuffle
     * @param serverVersion asked once the settings are valid: the server's version as its probe reads it
     *                      (header {@code generator.serverVersion}, as {@code ew run} records it), or null
     */
    static RunConfig runConfig(Settings s, ApiKeySource keys, CalibrationFile calibration, long runSeed,
                               Supplier<String> serverVersion) throws ProviderException {
        Dataset d = s.dataset();
        if (d == null) {
            throw new IllegalArgumentException("Dataset: load one on the Datasets screen and choose it");
        }
        if (s.output() == null || s.output().isBlank()) {
            throw new IllegalArgumentException("Output file: choose where the run file goes");
        }
        EndpointSettings endpoint = endpointSettings(s, keys);
        GateSettings gate = gate(calibration, s.mode());
        String version = serverVersion.get();
        return RunConfig.builder()
                .endpoint(new Endpoint(ChatProviders.create(endpoint), s.concurrency(), s.requestsPerMinute(),
                        endpoint.describe()))
                .questions(d.problems().stream().map(p -> QuestionPreparer.prepare(p, runSeed)).toList())
                .dataset(d.name(), d.source() == null ? null : d.source().toString(), d.kind())
                .prompts(ProtocolPrompts.defaults(d.kind()))
                .mode(s.mode())
                .steps(s.steps())
                .topK(s.topK())
                .temperature(s.temperature())
                .maxTokensPerStep(s.maxTokens())
                .reasoningEffort(s.reasoningEffort() == null || s.reasoningEffort().isBlank() ? null : s.reasoningEffort())
                .gate(gate)
                .output(Path.of(s.output()))
                .model(s.model())
                .serverLabel(endpoint.describe())
                .grader(StepGrader.using(Graders.forKind(d.kind())))
                .simulated(false, version == null || version.isBlank() ? Map.of()
                        : Map.of(ServingProvenance.SERVER_VERSION_KEY, version))
                .build();
    }

    private void suggestOutput() {
        if (outputEdited.get()) {
            return;
        }
        String ds = dataset.get() == null ? "dataset" : dataset.get().name();
        String m = model.get() == null || model.get().isBlank() ? "model" : model.get();
        String name = (m + "-" + ds + "-" + LocalDate.now()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + ".jsonl";
        output.set(Path.of(System.getProperty("user.home"), "entropy-workbench-runs", name).toString());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
