package org.entropyworkbench.ui.app;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.entropyworkbench.ui.common.DialogService;
import org.entropyworkbench.ui.workspace.LoadedRun;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * The runs list beside the Analysis and Calibration screens: each run with its name, its file name
 * (two replays of one run differ there) and its size; right-click (or F2 / Delete) renames a run or
 * removes it from the list (the file stays on disk). FX thread.
 */
final class RunsListPane extends VBox {

    private final Workspace workspace;
    private final ListView<LoadedRun> list;

    RunsListPane(Workspace workspace, Runnable openFiles) {
        this.workspace = workspace;
        Label title = new Label("Runs");
        title.getStyleClass().add("section-title");
        list = new ListView<>(workspace.runs());
        list.setId("runs-list");
        list.setTooltip(new Tooltip("The run the Analysis and Calibration screens show; right-click to rename or remove"));
        list.setCellFactory(v -> new RunCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != workspace.selectedRun().get()) {
                workspace.selectedRun().set(now);
            }
        });
        workspace.selectedRun().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        workspace.runs().addListener((ListChangeListener<LoadedRun>) c ->
                list.getSelectionModel().select(workspace.selectedRun().get()));
        list.setOnKeyPressed(e -> {
            LoadedRun run = list.getSelectionModel().getSelectedItem();
            if (run == null) {
                return;
            }
            if (e.getCode() == KeyCode.F2) {
                askRename(run);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                remove(run);
                e.consume();
            }
        });
        Label empty = new Label("Drop run files here\nor use File ▸ Open");
        empty.getStyleClass().add("hint");
        list.setPlaceholder(empty);
        Button open = new Button("Open…");
        open.setOnAction(e -> openFiles.run());
        open.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(title, list, open);
        setSpacing(6);
        VBox.setVgrow(list, Priority.ALWAYS);
        getStyleClass().add("runs-pane");
        setPrefWidth(235);
        setMinWidth(170);
        setPadding(new Insets(8));
    }

    ListView<LoadedRun> list() { return list; }

    /** Gives {@code run} a new display name (blank restores the name from its header). */
    void rename(LoadedRun run, String name) {
        int i = workspace.runs().indexOf(run);
        if (i < 0) {
            return;
        }
        String shown = name == null || name.isBlank() ? LoadedRun.defaultName(run.summary()) : name.strip();
        LoadedRun renamed = run.withDisplayName(shown);
        boolean selected = workspace.selectedRun().get() == run;
        workspace.runs().set(i, renamed);
        if (selected) {
            workspace.selectedRun().set(renamed);
        }
    }

    /** Takes {@code run} off the list (not off the disk); the next run, if any, becomes selected. */
    void remove(LoadedRun run) {
        workspace.removeRun(run);
    }

    private void askRename(LoadedRun run) {
        DialogService.of(this).askText("Name shown for " + fileName(run.path()) + " (empty = the name in the file)",
                run.displayName()).ifPresent(n -> rename(run, n));
    }

    static String fileName(Path path) {
        return path == null || path.getFileName() == null ? "(no file)" : path.getFileName().toString();
    }

    /** Name, then file name and size in a muted second line; a context menu to rename or remove. */
    private final class RunCell extends ListCell<LoadedRun> {
        private final ContextMenu menu = new ContextMenu();

        RunCell() {
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> {
                if (getItem() != null) {
                    askRename(getItem());
                }
            });
            MenuItem remove = new MenuItem("Remove from list");
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    remove(getItem());
                }
            });
            menu.getItems().addAll(rename, remove);
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(LoadedRun item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                setContextMenu(null);
                return;
            }
            setText(item.shortName() + "\n" + fileName(item.path()) + "\n" + questionCount(item)
                    + (item.header().simulated() ? " · simulated" : "")
                    + (item.header().servedModelDiffers()
                    ? "\n⚠ served as " + item.header().servedModel() : ""));
            setTooltip(new Tooltip(String.valueOf(item.path()) + (item.header().servedModelDiffers()
                    ? "\nAsked for model " + item.header().model() + "; the server answered as "
                    + item.header().servedModel() : "")));
            setContextMenu(menu);
        }
    }

    /**
     * "198 questions", or "198 questions · 117 complete" when some are incomplete (a growing serve record),
     * the wording of the Analysis screen.
     */
    static String questionCount(LoadedRun item) {
        if (item.analysis() == null) {
            return "0 questions";
        }
        int complete = item.analysis().outcomes().size();
        int all = Math.max(complete, item.analysis().runOutcomes().questionCount());
        return all + " questions" + (complete < all ? " · " + complete + " complete" : "");
    }
}
