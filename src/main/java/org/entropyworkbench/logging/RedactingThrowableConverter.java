package org.entropyworkbench.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.entropyworkbench.core.logging.SecretRedaction;

/** Stack traces ({@code %ex}) with every secret masked: exception messages may quote a request. */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return SecretRedaction.redact(super.throwableProxyToString(tp));
    }
}
