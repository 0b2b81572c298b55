package org.entropyworkbench.core.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Finds API keys: first in an environment variable (the preset's default, e.g. OPENAI_API_KEY, or
 * one the user names), then in a user-level properties file
 * ({@code ~/.config/entropy-workbench/keys.properties}; property names are the env var names,
 * e.g. {@code OPENROUTER_API_KEY=...}). The file is refused when its POSIX permissions let group or
 * others read it; on file systems without POSIX permissions it is accepted. Never logs a key.
 *
 * <p>Immutable and thread-safe (the file is read on each lookup, so edits take effect).
 */
public final class ApiKeySource {
    private static final Set<PosixFilePermission> LEAKY = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final Map<String, String> environment;
    private final Path keysFile;

    public ApiKeySource(Map<String, String> environment, Path keysFile) {
        this.environment = Map.copyOf(environment);
        this.keysFile = keysFile;
    }

    /** The process environment and {@link #defaultKeysFile()}. */
    public static ApiKeySource standard() {
        return new ApiKeySource(System.getenv(), defaultKeysFile());
    }

    /** {@code ~/.config/entropy-workbench/keys.properties}. */
    public static Path defaultKeysFile() {
        return Path.of(System.getProperty("user.home"), ".config", "entropy-workbench", "keys.properties");
    }

    public Path keysFile() {
        return keysFile;
    }

    /**
     * The key for a preset.
     *
     * @param envVar the variable to read, or null for the preset's default
     * @return empty when neither the environment nor the file has one (or the preset takes no key)
     * @throws ProviderException FATAL when the keys file exists but others can read it, or cannot be read
     */
    public Optional<ApiKey> find(ServerPreset preset, String envVar) throws ProviderException {
        String name = envVar != null && !envVar.isBlank() ? envVar.strip() : preset.keyEnvVar();
        if (name == null) {
            return Optional.empty();
        }
        return find(name);
    }

    /** The key stored under one name, from the environment first, then the keys file. */
    public Optional<ApiKey> find(String name) throws ProviderException {
        String fromEnv = environment.get(name);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(ApiKey.of(fromEnv));
        }
        if (keysFile == null || !Files.exists(keysFile)) {
            return Optional.empty();
        }
        checkOwnerOnly(keysFile);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(keysFile)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.FATAL,
                    "cannot read API keys file " + keysFile + ": " + e.getClass().getSimpleName());
        }
        String v = p.getProperty(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(v));
    }

    /**
     * Stores a key under {@code name} in the keys file, creating it (and its folder) readable and
     * writable by the owner only.
     */
    public void store(String name, ApiKey key) throws ProviderException {
        try {
            Properties p = new Properties();
            if (Files.exists(keysFile)) {
                checkOwnerOnly(keysFile);
                try (InputStream in = Files.newInputStream(keysFile)) {
                    p.load(in);
                }
            } else {
                Files.createDirectories(keysFile.toAbsolutePath().getParent());
                Files.createFile(keysFile);
                restrictToOwner(keysFile);
            }
            p.setProperty(name, key.value());
            try (OutputStream out = Files.newOutputStream(keysFile, StandardOpenOption.TRUNCATE_EXISTING)) {
                p.store(out, "Entropy Workbench API keys - keep this file private (chmod 600)");
            }
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.FATAL,
                    "cannot write API keys file " + keysFile + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void checkOwnerOnly(Path file) throws ProviderException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.FATAL,
                    "cannot check the permissions of API keys file " + file + ": " + e.getClass().getSimpleName());
        }
        for (PosixFilePermission p : LEAKY) {
            if (perms.contains(p)) {
                throw new ProviderException(ProviderException.Kind.FATAL,
                        "refusing to read API keys from " + file + ": its permissions " + PosixFilePermissions.toString(perms)
                                + " let group or others read it; run: chmod 600 " + file);
            }
        }
    }
}
