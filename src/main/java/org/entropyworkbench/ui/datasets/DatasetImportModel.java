package org.entropyworkbench.ui.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.dataset.DatasetPreview;
import org.entropyworkbench.core.dataset.FieldMapping;

/**
 * View-model of the import dialog: which column holds the id, question, answer and options,
 * prefilled with the detected mapping, and a live preview of the first rows as that mapping reads
 * them. A choice that does not make a valid {@link FieldMapping} shows its reason in
 * {@link #validationMessage()} instead of throwing. FX thread (plain properties; no toolkit needed).
 */
public final class DatasetImportModel {

    /** Shown in the id choice to number rows instead of reading an id column. */
    public static final String NO_COLUMN = "(none)";

    private final DatasetPreview preview;
    private final ObservableList<String> columnChoices = FXCollections.observableArrayList();
    private final StringProperty idColumn = new SimpleStringProperty(NO_COLUMN);
    private final StringProperty questionColumn = new SimpleStringProperty(NO_COLUMN);
    private final StringProperty answerColumn = new SimpleStringProperty(NO_COLUMN);
    private final StringProperty correctOptionColumn = new SimpleStringProperty(NO_COLUMN);
    private final ObjectProperty<OptionShape> optionShape = new SimpleObjectProperty<>(OptionShape.NONE);
    private final ObservableList<String> optionColumns = FXCollections.observableArrayList();
    private final ObjectProperty<AnswerKind> kind = new SimpleObjectProperty<>();
    private final ObservableList<MappedPreviewRow> mappedRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private FieldMapping mapping;

    public DatasetImportModel(DatasetPreview preview) {
        this.preview = preview;
        columnChoices.add(NO_COLUMN);
        columnChoices.addAll(preview.columns());
        FieldMapping detected = preview.detectedMapping();
        if (detected != null) {
            idColumn.set(orNone(detected.idField()));
            questionColumn.set(orNone(detected.questionField()));
            answerColumn.set(orNone(detected.answerField()));
            if (detected.correctOptionField() != null) {
                optionShape.set(OptionShape.CORRECT_AND_INCORRECT);
                correctOptionColumn.set(detected.correctOptionField());
                optionColumns.setAll(detected.incorrectOptionFields());
            } else if (!detected.optionFields().isEmpty()) {
                optionShape.set(OptionShape.LISTED);
                optionColumns.setAll(detected.optionFields());
            }
            kind.set(detected.kind());
        }
        for (Observable o : List.<Observable>of(idColumn, questionColumn, answerColumn, correctOptionColumn,
                optionShape, optionColumns, kind)) {
            o.addListener(x -> update());
        }
        update();
    }

    public DatasetPreview preview() { return preview; }

    /** {@link #NO_COLUMN} followed by every column of the file. */
    public ObservableList<String> columnChoices() { return columnChoices; }

    public StringProperty idColumn() { return idColumn; }

    public StringProperty questionColumn() { return questionColumn; }

    public StringProperty answerColumn() { return answerColumn; }

    /** GPQA-like shape: the column with the correct option's text. */
    public StringProperty correctOptionColumn() { return correctOptionColumn; }

    public ObjectProperty<OptionShape> optionShape() { return optionShape; }

    /** Incorrect-option columns (GPQA-like shape) or the option columns in order (listed shape). */
    public ObservableList<String> optionColumns() { return optionColumns; }

    /** The answer kind; null = detect from the rows. */
    public ObjectProperty<AnswerKind> kind() { return kind; }

    /** The first rows as the current mapping reads them. */
    public ObservableList<MappedPreviewRow> mappedRows() { return mappedRows; }

    /** Why the current choice is not a usable mapping; empty when it is. */
    public ReadOnlyStringProperty validationMessage() { return validationMessage.getReadOnlyProperty(); }

    /** The mapping the form describes, when valid. */
    public Optional<FieldMapping> mapping() { return Optional.ofNullable(mapping); }

    private void update() {
        mapping = null;
        String message = "";
        try {
            mapping = build();
        } catch (IllegalArgumentException e) {
            message = capitalise(e.getMessage());
        }
        validationMessage.set(message);
        List<MappedPreviewRow> rows = new ArrayList<>();
        int line = 1;
        for (Map<String, String> row : preview.rows()) {
            rows.add(mapRow(row, line++));
        }
        mappedRows.setAll(rows);
    }

    private FieldMapping build() {
        String id = column(idColumn);
        String question = column(questionColumn);
        if (question == null) {
            throw new IllegalArgumentException("choose the column that holds the question");
        }
        String answer = column(answerColumn);
        List<String> options = List.copyOf(optionColumns);
        switch (optionShape.get()) {
            case CORRECT_AND_INCORRECT -> {
                String correct = column(correctOptionColumn);
                if (correct == null) {
                    throw new IllegalArgumentException("choose the column that holds the correct option");
                }
                if (options.isEmpty()) {
                    throw new IllegalArgumentException("choose at least one incorrect-option column");
                }
                return new FieldMapping(id, question, null, List.of(), correct, options, AnswerKind.MULTIPLE_CHOICE);
            }
            case LISTED -> {
                if (options.isEmpty()) {
                    throw new IllegalArgumentException("choose the option columns");
                }
                if (answer == null) {
                    throw new IllegalArgumentException("choose the answer column that names the correct option");
                }
                return new FieldMapping(id, question, answer, options, null, List.of(), AnswerKind.MULTIPLE_CHOICE);
            }
            default -> {
                if (answer == null) {
                    throw new IllegalArgumentException("choose the column that holds the answer");
                }
                AnswerKind k = kind.get() == AnswerKind.MULTIPLE_CHOICE ? null : kind.get();
                return new FieldMapping(id, question, answer, List.of(), null, List.of(), k);
            }
        }
    }

    private MappedPreviewRow mapRow(Map<String, String> row, int line) {
        String id = column(idColumn) == null ? "line " + line : cell(row, idColumn);
        String answer = optionShape.get() == OptionShape.CORRECT_AND_INCORRECT ? cell(row, correctOptionColumn)
                : cell(row, answerColumn);
        List<String> options = new ArrayList<>();
        if (optionShape.get() != OptionShape.NONE) {
            for (String c : optionColumns) {
                options.add(ProblemRow.firstLine(row.getOrDefault(c, ""), 40));
            }
        }
        return new MappedPreviewRow(id, ProblemRow.firstLine(cell(row, questionColumn), 90),
                ProblemRow.firstLine(answer, 50), String.join(" | ", options));
    }

    private static String cell(Map<String, String> row, StringProperty column) {
        String c = column(column);
        return c == null ? "" : row.getOrDefault(c, "");
    }

    private static String column(StringProperty p) {
        String v = p.get();
        return v == null || v.isBlank() || NO_COLUMN.equals(v) ? null : v;
    }

    private static String orNone(String column) {
        return column == null ? NO_COLUMN : column;
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "Invalid mapping" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
