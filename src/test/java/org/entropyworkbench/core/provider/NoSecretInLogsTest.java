package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entropyworkbench.core.provider.Fixtures.request;
import static org.entropyworkbench.core.provider.Fixtures.settings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.entropyworkbench.core.logging.SecretRedaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No API key and no Authorization header value reaches a log line: a request with a key is logged
 * at DEBUG through the real pattern (the redacting %msg and %ex converters of logback.xml), a server
 * echoing the key fails the request, and careless log calls that quote the key or the header are
 * masked too. The captured text is what a log file would hold.
 */
class NoSecretInLogsTest {

    private static final String KEY = "sk-test-LOGSECRET-0123456789abcdef";
    private static final String PATTERN = "%d %-5level [%thread] %logger{36} - %msg%n%ex";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Logger root;
    private Level oldLevel;

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        oldLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(appender);
        root.setLevel(oldLevel);
        appender.stop();
    }

    @Test
    void aRequestWithAKeyAndAServerEchoingItLeaveNoSecretInTheLog() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(401)
                    .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
            server.start();
            ChatProvider client = ChatProviders.create(settings(ServerPreset.OPENAI, server, ApiKey.of(KEY)));
            Throwable failure = null;
            try {
                client.stream(request(20), new RecordingListener(), CancellationToken.none());
            } catch (ProviderException e) {
                failure = e;
            }
            RecordedRequest sent = server.takeRequest();
            assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            org.slf4j.Logger log = LoggerFactory.getLogger("org.entropyworkbench.test");
            log.warn("request failed", failure);
            log.warn("careless: headers Authorization: Bearer {} and key={}", KEY, KEY);
            log.error("careless exception", new IllegalStateException("sent Authorization: Bearer " + KEY));
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("POST ").contains("Authorization").contains(SecretRedaction.MASK);
        assertThat(text).doesNotContain(KEY).doesNotContain("LOGSECRET").doesNotContain("Bearer sk-");
    }

    @Test
    void redactionMasksHeadersBearerTokensKeyParametersAndKeyShapedTokens() {
        assertThat(SecretRedaction.redact("Authorization: Bearer abc.def-123456")).isEqualTo("Authorization: ***");
        assertThat(SecretRedaction.redact("x-api-key=topsecretvalue rest")).isEqualTo("x-api-key=*** rest");
        assertThat(SecretRedaction.redact("GET /v1?api_key=abc123&x=1")).isEqualTo("GET /v1?api_key=***&x=1");
        assertThat(SecretRedaction.redact("token sk-proj-AAAAAAAAAAAAAAAAAAAA end")).isEqualTo("token *** end");
        assertThat(SecretRedaction.redact("bearer abcdefghijkl")).isEqualTo("Bearer ***");
        assertThat(SecretRedaction.redact("model gpt-oss-20b, k = 20, 4 steps")).isEqualTo("model gpt-oss-20b, k = 20, 4 steps");
        SecretRedaction.register("plain-registered-secret");
        assertThat(SecretRedaction.redact("echo plain-registered-secret!")).isEqualTo("echo ***!");
    }
}
