package org.entropyworkbench.ui.help;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The guide and glossary: a list of entries on the left, the chosen one on the right. One window per
 * workbench window, created on first use and brought to the front on every request. FX thread.
 */
public final class HelpWindow {

    private final ListView<Glossary.Entry> list = new ListView<>();
    private final Label title = new Label();
    private final Label body = new Label();
    private final VBox content;
    private Stage stage;

    public HelpWindow() {
        List<Glossary.Entry> all = new ArrayList<>();
        all.add(Glossary.GUIDE);
        all.addAll(Glossary.entries());
        list.getItems().setAll(all);
        list.setId("help-entries");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Glossary.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.term());
            }
        });
        list.setPrefWidth(230);
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setId("help-title");
        body.setWrapText(true);
        body.setId("help-body");
        content = new VBox(10, title, body);
        content.setPadding(new Insets(12));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showEntry(now));
        list.getSelectionModel().select(0);
    }

    /** Opens (or raises) the window at entry {@code id}; an unknown or null id shows the guide. */
    public void show(Window owner, String id) {
        Glossary.Entry entry = Glossary.find(id == null ? Glossary.GUIDE.id() : id).orElse(Glossary.GUIDE);
        list.getSelectionModel().select(entry);
        list.scrollTo(entry);
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("Entropy Workbench: guide and glossary");
            if (owner != null) {
                stage.initOwner(owner);
            }
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            SplitPane split = new SplitPane(list, scroll);
            split.setDividerPositions(0.3);
            Scene scene = new Scene(split, 760, 460);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    /** The entry on show (tests). */
    public Glossary.Entry shown() { return list.getSelectionModel().getSelectedItem(); }

    /** The window, null before the first {@link #show} (tests). */
    public Stage stage() { return stage; }

    private void showEntry(Glossary.Entry e) {
        title.setText(e == null ? "" : e.term());
        body.setText(e == null ? "" : e.text());
    }
}
