package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.provider.ChatMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 (lower-case hex) of the exact messages of a step, recorded as {@code promptHash} in run
 * files and compared on resume. Canonical encoding, unambiguous whatever the text holds: for each
 * message in order, the UTF-8 byte length of the role in decimal, ':', the role, the UTF-8 byte
 * length of the content in decimal, ':', the content, then '\n'. Stateless; any thread.
 */
public final class PromptHash {

    private PromptHash() {
    }

    public static String of(List<ChatMessage> messages) {
        MessageDigest digest = sha256();
        for (ChatMessage m : messages) {
            field(digest, m.role());
            field(digest, m.content());
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
