package org.entropyworkbench.ui.datasets;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.controlsfx.control.CheckComboBox;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.FieldMapping;

/**
 * The field-mapping dialog: ComboBoxes choosing the id, question, answer and option columns
 * (prefilled with the detected mapping), the answer kind, and a live preview of the first rows as
 * the chosen mapping reads them. Returns the mapping, or nothing when cancelled. FX thread.
 */
public final class DatasetImportDialog extends Dialog<FieldMapping> {

    private static final String DETECT_KIND = "Detect from the rows";

    private final DatasetImportModel model;
    private final ComboBox<String> idBox = new ComboBox<>();
    private final ComboBox<String> questionBox = new ComboBox<>();
    private final ComboBox<String> answerBox = new ComboBox<>();
    private final ComboBox<String> correctBox = new ComboBox<>();
    private final ComboBox<OptionShape> shapeBox = new ComboBox<>();
    private final CheckComboBox<String> optionsBox = new CheckComboBox<>();
    private final ComboBox<String> kindBox = new ComboBox<>();
    private final TableView<MappedPreviewRow> previewTable = new TableView<>();

    public DatasetImportDialog(DatasetImportModel model) {
        this.model = model;
        setTitle("Import dataset");
        setHeaderText("Import " + model.preview().file().getFileName() + " (" + model.preview().format() + ", "
                + model.preview().totalRows() + " rows)");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(new ButtonType("Import", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        getDialogPane().setContent(content());
        getDialogPane().setPrefSize(900, 600);
        getDialogPane().lookupButton(getDialogPane().getButtonTypes().get(0))
                .disableProperty().bind(Bindings.isNotEmpty(model.validationMessage()));
        setResultConverter(b -> b != null && b.getButtonData() == ButtonBar.ButtonData.OK_DONE
                ? model.mapping().orElse(null) : null);
    }

    /** The model the form edits (tests drive it directly). */
    public DatasetImportModel model() {
        return model;
    }

    private VBox content() {
        for (ComboBox<String> box : List.of(idBox, questionBox, answerBox, correctBox)) {
            box.setItems(model.columnChoices());
            box.setMaxWidth(Double.MAX_VALUE);
        }
        idBox.valueProperty().bindBidirectional(model.idColumn());
        questionBox.valueProperty().bindBidirectional(model.questionColumn());
        answerBox.valueProperty().bindBidirectional(model.answerColumn());
        correctBox.valueProperty().bindBidirectional(model.correctOptionColumn());
        idBox.setId("mapping-id");
        questionBox.setId("mapping-question");
        answerBox.setId("mapping-answer");
        correctBox.setId("mapping-correct");

        shapeBox.getItems().setAll(OptionShape.values());
        shapeBox.valueProperty().bindBidirectional(model.optionShape());
        shapeBox.setMaxWidth(Double.MAX_VALUE);

        optionsBox.getItems().setAll(model.preview().columns());
        optionsBox.setMaxWidth(Double.MAX_VALUE);
        for (String c : model.optionColumns()) {
            optionsBox.getCheckModel().check(c);
        }
        optionsBox.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c ->
                model.optionColumns().setAll(List.copyOf(optionsBox.getCheckModel().getCheckedItems())));

        kindBox.getItems().setAll(DETECT_KIND, AnswerKind.INTEGER.wireName(), AnswerKind.FREE.wireName());
        kindBox.setValue(model.kind().get() == null || model.kind().get() == AnswerKind.MULTIPLE_CHOICE
                ? DETECT_KIND : model.kind().get().wireName());
        kindBox.valueProperty().addListener((obs, a, b) ->
                model.kind().set(b == null || DETECT_KIND.equals(b) ? null : AnswerKind.fromWireName(b)));
        kindBox.setMaxWidth(Double.MAX_VALUE);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        form.addRow(row++, new Label("Id column"), idBox);
        form.addRow(row++, new Label("Question column"), questionBox);
        form.addRow(row++, new Label("Options"), shapeBox);
        Label answerLabel = new Label("Answer column");
        form.addRow(row++, answerLabel, answerBox);
        Label correctLabel = new Label("Correct option column");
        form.addRow(row++, correctLabel, correctBox);
        Label optionsLabel = new Label("Option columns");
        form.addRow(row++, optionsLabel, optionsBox);
        Label kindLabel = new Label("Answer kind");
        form.addRow(row, kindLabel, kindBox);

        Runnable shapeChanged = () -> {
            OptionShape shape = model.optionShape().get();
            boolean gpqaLike = shape == OptionShape.CORRECT_AND_INCORRECT;
            boolean none = shape == OptionShape.NONE;
            setShown(answerLabel, !gpqaLike);
            setShown(answerBox, !gpqaLike);
            setShown(correctLabel, gpqaLike);
            setShown(correctBox, gpqaLike);
            setShown(optionsLabel, !none);
            setShown(optionsBox, !none);
            optionsLabel.setText(gpqaLike ? "Incorrect option columns" : "Option columns (in order)");
            answerLabel.setText(none ? "Answer column" : "Answer column (letter, index or text)");
            setShown(kindLabel, none);
            setShown(kindBox, none);
        };
        model.optionShape().addListener((obs, a, b) -> shapeChanged.run());
        shapeChanged.run();

        Label validation = new Label();
        validation.textProperty().bind(model.validationMessage());
        validation.setStyle("-fx-text-fill: #b91c1c;");
        validation.setWrapText(true);

        previewTable.setItems(model.mappedRows());
        previewTable.getColumns().add(column("Id", MappedPreviewRow::id, 90));
        previewTable.getColumns().add(column("Question", MappedPreviewRow::question, 380));
        previewTable.getColumns().add(column("Answer", MappedPreviewRow::answer, 140));
        previewTable.getColumns().add(column("Options", MappedPreviewRow::options, 220));
        previewTable.setPlaceholder(new Label("The file has no rows"));
        previewTable.setId("mapping-preview");
        VBox.setVgrow(previewTable, Priority.ALWAYS);

        Label previewTitle = new Label("Preview: first " + model.preview().rows().size() + " rows as this mapping reads them");
        previewTitle.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(10, form, validation, previewTitle, previewTable);
        if (!model.preview().warnings().isEmpty()) {
            Label unreadable = new Label(model.preview().warnings().size() + " rows cannot be read, e.g. "
                    + model.preview().warnings().get(0));
            unreadable.setWrapText(true);
            unreadable.setStyle("-fx-text-fill: #92400e;");
            box.getChildren().add(unreadable);
        }
        box.setPadding(new Insets(4));
        return box;
    }

    private static void setShown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
