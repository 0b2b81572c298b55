package org.entropyworkbench.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real {@link DialogService}: JavaFX choosers and alerts owned by the window. FX thread only. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    /** @param owner the window dialogs belong to, asked at each call (may give null) */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters, Path initialDirectory) {
        FileChooser chooser = chooser(title, filters);
        if (initialDirectory != null) {
            chooser.setInitialDirectory(initialDirectory.toAbsolutePath().toFile());
        }
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileFilter> filters) {
        List<File> files = chooser(title, filters).showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, List<FileFilter> filters) {
        FileChooser chooser = chooser(title, filters);
        if (initialName != null) {
            chooser.setInitialFileName(initialName);
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void showError(String header, String details) {
        alert(Alert.AlertType.ERROR, header, details).show();
    }

    @Override
    public void showWarning(String header, String details) {
        alert(Alert.AlertType.WARNING, header, details).show();
    }

    @Override
    public void showInformation(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.setTitle("Entropy Workbench");
        a.setHeaderText(header);
        a.initOwner(owner.get());
        a.show();
    }

    @Override
    public boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.YES, ButtonType.NO);
        a.setTitle("Entropy Workbench");
        a.setHeaderText(header);
        a.initOwner(owner.get());
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public Optional<String> askText(String header, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.setTitle("Entropy Workbench");
        d.setHeaderText(header);
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String header, String details) {
        Alert a = new Alert(type);
        a.setTitle("Entropy Workbench");
        a.setHeaderText(header);
        if (details != null && !details.isBlank()) {
            TextArea text = new TextArea(details);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(Math.min(12, Math.max(3, (int) details.lines().count())));
            a.getDialogPane().setContent(text);
        }
        a.initOwner(owner.get());
        return a;
    }

    private static FileChooser chooser(String title, List<FileFilter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileFilter f : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
        }
        return chooser;
    }
}
