package org.entropyworkbench.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for tests: file choosers return the paths queued with {@link #nextFile},
 * confirmations answer {@link #answer}, and every alert is recorded instead of shown.
 */
public final class ScriptedDialogService implements DialogService {

    private final Deque<Path> files = new ArrayDeque<>();
    private final List<String> shown = new ArrayList<>();
    private boolean answer = true;

    /** The next chooser (open, save or folder) returns {@code file}. */
    public ScriptedDialogService nextFile(Path file) {
        files.add(file);
        return this;
    }

    private final Deque<String> texts = new ArrayDeque<>();

    /** The next text question is answered with {@code text}. */
    public ScriptedDialogService text(String text) {
        texts.add(text);
        return this;
    }

    @Override
    public Optional<String> askText(String header, String initial) {
        shown.add("ask: " + header);
        return Optional.ofNullable(texts.poll());
    }

    /** What confirmations answer. */
    public ScriptedDialogService answer(boolean yes) {
        this.answer = yes;
        return this;
    }

    /** Every alert shown, as "error: header: details" (or warning/information/confirm). */
    public List<String> shown() {
        return List.copyOf(shown);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters, Path initialDirectory) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileFilter> filters) {
        Path p = files.poll();
        return p == null ? List.of() : List.of(p);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, List<FileFilter> filters) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void showError(String header, String details) {
        shown.add("error: " + header + ": " + details);
    }

    @Override
    public void showWarning(String header, String details) {
        shown.add("warning: " + header + ": " + details);
    }

    @Override
    public void showInformation(String header, String text) {
        shown.add("information: " + header + ": " + text);
    }

    @Override
    public boolean confirm(String header, String text) {
        shown.add("confirm: " + header + ": " + text);
        return answer;
    }
}
