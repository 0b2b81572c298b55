package org.entropyworkbench.core.provider;

/** Picks the client for an endpoint. Stateless. */
public final class ChatProviders {
    private ChatProviders() {
    }

    /**
     * The client for {@code settings}: Ollama's native NDJSON client for {@link ServerPreset#OLLAMA_NATIVE},
     * the OpenAI-compatible SSE client for every other preset, behind a throttle when the settings
     * limit concurrency or requests per minute.
     *
     * @throws IllegalArgumentException when the preset needs a key and none is set (message names the env var)
     */
    public static ChatProvider create(EndpointSettings settings) {
        if (settings.preset().keyRequired() && settings.apiKey() == null) {
            throw new IllegalArgumentException(settings.preset().label() + " needs an API key: set "
                    + settings.preset().keyEnvVar() + " or enter one in the connection settings");
        }
        ChatProvider client = settings.preset().nativeOllama()
                ? new OllamaNativeClient(settings)
                : new OpenAiCompatibleClient(settings);
        return new ThrottledProvider(client, settings.concurrency(), settings.requestsPerMinute());
    }
}
