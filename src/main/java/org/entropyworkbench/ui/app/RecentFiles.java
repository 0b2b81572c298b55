package org.entropyworkbench.ui.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The most recently opened files (runs, datasets, calibrations), newest first, kept in a small
 * JSON file ({@code ~/.config/entropy-workbench/recent-files.json} unless the system property
 * {@code ewb.configDir} names another folder). A missing or unreadable file means "no recent
 * files", never an error at start-up. Not thread-safe: use from the FX thread.
 */
public final class RecentFiles {

    /** How many entries are kept. */
    public static final int MAX_ENTRIES = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path storage;
    private final List<Path> entries = new ArrayList<>();
    private String lastError;

    /** Recent files stored in {@code storage}; reads it now if it exists. */
    public RecentFiles(Path storage) {
        this.storage = storage;
        load();
    }

    /** The user-level store (see class comment). */
    public static RecentFiles forCurrentUser() {
        String dir = System.getProperty("ewb.configDir");
        Path base = dir != null && !dir.isBlank() ? Paths.get(dir)
                : Paths.get(System.getProperty("user.home"), ".config", "entropy-workbench");
        return new RecentFiles(base.resolve("recent-files.json"));
    }

    /** Newest first, at most {@link #MAX_ENTRIES}. */
    public List<Path> entries() { return List.copyOf(entries); }

    /** Why the last load or save failed, or null. */
    public String lastError() { return lastError; }

    /** Moves {@code file} to the top (adding it if new) and saves. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        entries.remove(p);
        entries.add(0, p);
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.size() - 1);
        }
        save();
    }

    /** Forgets every entry and saves. */
    public void clear() {
        entries.clear();
        save();
    }

    private void load() {
        if (!Files.isRegularFile(storage)) {
            return;
        }
        try {
            String[] stored = JSON.readValue(storage.toFile(), String[].class);
            Arrays.stream(stored).limit(MAX_ENTRIES).map(Paths::get).forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            lastError = storage + ": " + e.getMessage();
        }
    }

    private void save() {
        try {
            Files.createDirectories(storage.getParent());
            Path tmp = storage.resolveSibling(storage.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), entries.stream().map(Path::toString).toList());
            Files.move(tmp, storage, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastError = null;
        } catch (IOException | RuntimeException e) {
            lastError = storage + ": " + e.getMessage();
        }
    }
}
