package org.entropyworkbench.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.ui.charts.EntropyPalette;

/**
 * Reads one question of a run: the question (when its dataset is at hand), the gold answer, and for
 * each step its reasoning and answer text, the extracted answer and whether it was right. Where the
 * file has per-token records the text is tinted by token entropy as on the Run screen (reasoning in
 * italics); the rest of a step's text, beyond the recorded tokens, is shown untinted. FX thread.
 */
final class QuestionReader {

    /** Tokens of one step drawn tinted; beyond this the step's text is shown plain (a TextFlow of tens of thousands of nodes is slow). */
    static final int MAX_TINTED_TOKENS = 4000;
    private static final double FONT_SIZE = 13;

    private final VBox content = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(content);

    QuestionReader() {
        content.setPadding(new Insets(8));
        content.setId("question-reader");
        scroll.setFitToWidth(true);
        clear("Click a question to read it");
    }

    Node node() { return scroll; }

    /** The reader's content box (tests read its texts). */
    VBox content() { return content; }

    void clear(String hint) {
        Label l = new Label(hint);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        content.getChildren().setAll(l);
    }

    /**
     * Shows a question.
     *
     * @param questionId the question
     * @param found      its text from the dataset, or why it is missing
     * @param steps      its recorded steps, in order
     * @param k          top-k of the entropies shown
     */
    void show(String questionId, QuestionLookup.Found found, List<StepRecord> steps, int k) {
        content.getChildren().clear();
        Label title = new Label("Question " + questionId);
        title.getStyleClass().add("section-title");
        content.getChildren().add(title);
        String gold = steps.stream().map(StepRecord::expectedAnswer).filter(a -> a != null && !a.isBlank())
                .findFirst().orElse(null);
        content.getChildren().add(line("Gold answer: " + (gold == null ? "(not recorded)" : gold), "reader-gold", true));
        if (found.problem() != null) {
            Problem p = found.problem();
            content.getChildren().add(wrapped(p.question(), "reader-question"));
            if (p.options() != null && !p.options().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < p.options().size(); i++) {
                    sb.append((char) ('A' + i)).append(". ").append(p.options().get(i)).append('\n');
                }
                content.getChildren().add(wrapped(sb.toString().strip(), "reader-options"));
                content.getChildren().add(hint("Options in dataset order; the letters a run graded follow its own"
                        + " option shuffle."));
            }
        } else {
            content.getChildren().add(hint(found.missing()));
        }
        if (steps.isEmpty()) {
            content.getChildren().add(hint("No step of this question is recorded."));
        }
        for (StepRecord s : steps) {
            content.getChildren().add(stepHeader(s, k));
            content.getChildren().add(stepText(s, k));
        }
    }

    private Node stepHeader(StepRecord s, int k) {
        double mean = mean(s.entropies(k));
        String verdict = s.correct() == null ? "ungradable" : s.correct() ? "correct" : "wrong";
        String text = String.format(Locale.ROOT, "Step %d · H %s bits · extracted answer %s · %s · %,d tokens",
                s.step(), Double.isFinite(mean) ? String.format(Locale.ROOT, "%.3f", mean) : "—",
                s.extractedAnswer() == null ? "(none)" : s.extractedAnswer(), verdict, s.completionTokens());
        Label l = line(text, "reader-step-" + s.step(), true);
        l.getStyleClass().add(s.correct() == null ? "hint" : s.correct() ? "legend-correct" : "legend-incorrect");
        return l;
    }

    /** The step's text: tinted recorded tokens, then whatever of the reasoning and answer they do not cover. */
    static TextFlow stepText(StepRecord s, int k) {
        TextFlow flow = new TextFlow();
        flow.setLineSpacing(2);
        String reasoning = s.reasoningText() == null ? "" : s.reasoningText();
        String answer = s.text() == null ? "" : s.text();
        List<String> tokens = s.tokens();
        double[] h = s.entropies(k);
        if (tokens == null || tokens.isEmpty() || h.length == 0) {
            addPlain(flow, reasoning, answer);
            return flow;
        }
        int n = Math.min(Math.min(tokens.size(), h.length), MAX_TINTED_TOKENS);
        StringBuilder covered = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            covered.append(t);
            boolean isReasoning = s.channels() != null && i < s.channels().length() && s.channels().charAt(i) == 'R';
            Text piece = new Text(t);
            piece.setFill(Color.web(EntropyPalette.hex(EntropyPalette.tint(h[i]))));
            piece.setFont(Font.font(null, FontWeight.NORMAL, isReasoning ? FontPosture.ITALIC : FontPosture.REGULAR,
                    FONT_SIZE));
            flow.getChildren().add(piece);
        }
        String whole = reasoning + answer;
        if (n < tokens.size() || n < s.completionTokens()) {
            String rest = whole.startsWith(covered.toString()) ? whole.substring(covered.length()) : null;
            Text note = new Text(String.format(Locale.ROOT, "%n[per-token entropy recorded for %,d of %,d tokens%s]%n",
                    n, Math.max(tokens.size(), s.completionTokens()), rest == null ? "; the full text follows" : ""));
            note.setFill(Color.web("#5d6b7a"));
            note.setFont(Font.font(null, FontWeight.BOLD, FontPosture.REGULAR, 11));
            flow.getChildren().add(note);
            if (rest == null) {
                addPlain(flow, reasoning, answer);
            } else {
                Text plain = new Text(rest);
                plain.setFont(Font.font(FONT_SIZE));
                flow.getChildren().add(plain);
            }
        }
        return flow;
    }

    private static void addPlain(TextFlow flow, String reasoning, String answer) {
        if (!reasoning.isEmpty()) {
            Text r = new Text(reasoning + (answer.isEmpty() ? "" : "\n\n"));
            r.setFont(Font.font(null, FontWeight.NORMAL, FontPosture.ITALIC, FONT_SIZE));
            r.setFill(Color.web("#4b5563"));
            flow.getChildren().add(r);
        }
        Text a = new Text(answer.isEmpty() && reasoning.isEmpty() ? "(no text recorded)" : answer);
        a.setFont(Font.font(FONT_SIZE));
        flow.getChildren().add(a);
    }

    private static Label line(String text, String id, boolean bold) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        if (bold) {
            l.setStyle("-fx-font-weight: bold;");
        }
        return l;
    }

    private static Label wrapped(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
