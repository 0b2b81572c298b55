package org.entropyworkbench.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.entropyworkbench.core.logging.SecretRedaction;

/** {@code %msg} with every secret masked ({@link SecretRedaction}); logback calls it on the logging thread. */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretRedaction.redact(super.convert(event));
    }
}
