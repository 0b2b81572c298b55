package org.entropyworkbench.ui.run;

import java.math.BigDecimal;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import org.entropyworkbench.ui.charts.EntropyPalette;

/**
 * The key of the token tint: a square in the tint of each legend entropy, plus the italics rule.
 * The squares are shapes, not coloured text: a stylesheet's label text fill overrides a label's
 * {@code setTextFill}, which turned text squares black under the workbench CSS. FX thread.
 */
public final class TintLegend extends FlowPane {

    private static final String TEXT_STYLE = "-fx-text-fill: #374151;";
    private static final double SQUARE_SIZE = 10;

    public TintLegend() {
        super(8, 2);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 0, 0, 0));
        Label title = new Label("Token tint (entropy):");
        title.setStyle(TEXT_STYLE);
        getChildren().add(title);
        double[] stops = EntropyPalette.tintLegendStops();
        for (int i = 0; i < stops.length; i++) {
            String number = BigDecimal.valueOf(stops[i]).stripTrailingZeros().toPlainString();
            Label sample = new Label((i == stops.length - 1 ? "≥ " : "") + number + " bits", square(stops[i]));
            sample.setStyle(TEXT_STYLE + " -fx-font-weight: bold;");
            getChildren().add(sample);
        }
        Label italics = new Label("italic = reasoning");
        italics.setFont(Font.font(null, FontPosture.ITALIC, 12));
        italics.setStyle(TEXT_STYLE);
        getChildren().add(italics);
    }

    private static Rectangle square(double bits) {
        return new Rectangle(SQUARE_SIZE, SQUARE_SIZE, Color.web(EntropyPalette.hex(EntropyPalette.tint(bits))));
    }
}
