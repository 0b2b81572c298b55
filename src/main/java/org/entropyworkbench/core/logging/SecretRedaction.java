package org.entropyworkbench.core.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log line: every API key this process has wrapped (registered
 * by {@code ApiKey.of}), Authorization and API-key header values, and key-shaped tokens such as
 * {@code sk-…}. The logging backend applies it to every message and stack trace, so no key or
 * Authorization header reaches a log file whatever a caller passes. Thread-safe.
 */
public final class SecretRedaction {

    /** What a secret is replaced by. */
    public static final String MASK = "***";

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Pattern HEADER = Pattern.compile(
            "(?i)(authorization|proxy-authorization|x-api-key|api-key)(\\s*[:=]\\s*)(?:(bearer|basic)\\s+)?[^\\s,;\"'}\\]]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern KEY_PARAM = Pattern.compile("(?i)\\b(api[_-]?key|access[_-]?token|key)=[^\\s&\"']+");
    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(sk|rk|pk)-[A-Za-z0-9_-]{12,}");

    private SecretRedaction() {
    }

    /** Remembers a secret so every later log line has it masked (keys shorter than 4 characters are ignored). */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= 4) {
            KNOWN.add(secret.strip());
        }
    }

    /** {@code text} with every known secret and every secret-shaped part masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = HEADER.matcher(out).replaceAll(m -> m.group(1) + m.group(2) + MASK);
        out = BEARER.matcher(out).replaceAll("Bearer " + MASK);
        out = KEY_PARAM.matcher(out).replaceAll(m -> m.group(1) + "=" + MASK);
        return KEY_SHAPED.matcher(out).replaceAll(MASK);
    }
}
