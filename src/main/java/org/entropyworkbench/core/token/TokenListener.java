package org.entropyworkbench.core.token;

/** Receives tokens as they stream. Called on the provider's streaming thread, in generation order. */
@FunctionalInterface
public interface TokenListener {
    void onToken(TokenView token);

    TokenListener IGNORE = token -> { };
}
