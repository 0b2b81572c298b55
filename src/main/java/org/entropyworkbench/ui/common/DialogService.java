package org.entropyworkbench.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The one way the UI asks the user things (after JabRef's DialogService): file choosers, alerts and
 * confirmations. Views call it instead of creating {@code FileChooser}s and {@code Alert}s, so tests
 * replace it with a scripted one. The window registers its service on its root node; a view finds it
 * with {@link #of(Node)}. FX thread only.
 */
public interface DialogService {

    /** Key under which a root node's properties hold its service. */
    String KEY = DialogService.class.getName();

    /** A file-type filter: a description and glob patterns such as {@code *.json}. */
    record FileFilter(String description, List<String> patterns) {
        public FileFilter {
            patterns = List.copyOf(patterns);
        }

        public static FileFilter of(String description, String... patterns) {
            return new FileFilter(description, List.of(patterns));
        }
    }

    /** One file to open, starting in {@code initialDirectory} (null: the default); empty when the user cancelled. */
    Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters, Path initialDirectory);

    /** One file to open; empty when the user cancelled. */
    default Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        return chooseFileToOpen(title, filters, null);
    }

    /** Files to open; empty when the user cancelled. */
    List<Path> chooseFilesToOpen(String title, List<FileFilter> filters);

    /** Where to save; empty when the user cancelled. */
    Optional<Path> chooseFileToSave(String title, String initialName, List<FileFilter> filters);

    /** A folder; empty when the user cancelled. */
    Optional<Path> chooseDirectory(String title);

    /** Tells the user something went wrong; {@code details} may be long (shown scrollable) or null. */
    void showError(String header, String details);

    /** Warns; {@code details} may be null. */
    void showWarning(String header, String details);

    /** Informs. */
    void showInformation(String header, String text);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String header, String text);

    /** One line of text, starting as {@code initial}; empty when the user cancelled. */
    Optional<String> askText(String header, String initial);

    /** Registers {@code service} for {@code root} and everything under it. */
    static void register(Parent root, DialogService service) {
        root.getProperties().put(KEY, service);
    }

    /**
     * The service registered on {@code node} or the nearest ancestor (or the scene's root); a plain
     * {@link FxDialogService} owned by the node's window when none is registered.
     */
    static DialogService of(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            Object s = n.getProperties().get(KEY);
            if (s instanceof DialogService service) {
                return service;
            }
        }
        if (node != null && node.getScene() != null && node.getScene().getRoot() != null) {
            Object s = node.getScene().getRoot().getProperties().get(KEY);
            if (s instanceof DialogService service) {
                return service;
            }
        }
        return new FxDialogService(() -> node == null || node.getScene() == null ? null : node.getScene().getWindow());
    }
}
