package org.entropyworkbench.ui.common;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Saves JFreeChart charts as PNG (raster) or SVG (vector, drawn by JFreeChart into
 * {@link SVGGraphics2D}, so the file is exactly what the chart paints). The two {@code save*}
 * methods can run on any thread; the menu helpers must be built and used on the FX thread.
 */
public final class ChartExporter {

    /** Default export size in pixels when the user does not choose one. */
    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 750;

    private ChartExporter() {
    }

    /** Writes {@code chart} as a PNG image of {@code width} x {@code height} pixels. */
    public static void savePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    /** Writes {@code chart} as a standalone SVG document of {@code width} x {@code height} user units. */
    public static void saveSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
    }

    /**
     * A small "Export ▾" button with PNG and SVG entries, for chart toolbars. The window for the
     * file chooser is taken from the button's scene at click time.
     */
    public static MenuButton exportButton(Supplier<JFreeChart> chart, String baseFileName) {
        MenuButton button = new MenuButton("Export");
        button.getStyleClass().add("export-button");
        button.setTooltip(new Tooltip("Save this chart as PNG or SVG"));
        button.getItems().addAll(exportItems(chart, () -> DialogService.of(button), baseFileName));
        return button;
    }

    private static MenuItem[] exportItems(Supplier<JFreeChart> chart, Supplier<DialogService> dialogs, String baseName) {
        MenuItem png = new MenuItem("Export PNG…");
        png.setOnAction(e -> chooseAndSave(chart.get(), dialogs.get(), baseName, Format.PNG));
        MenuItem svg = new MenuItem("Export SVG…");
        svg.setOnAction(e -> chooseAndSave(chart.get(), dialogs.get(), baseName, Format.SVG));
        return new MenuItem[] {png, svg};
    }

    private enum Format { PNG, SVG }

    private static void chooseAndSave(JFreeChart chart, DialogService dialogs, String baseName, Format format) {
        if (chart == null) {
            return;
        }
        String ext = format == Format.PNG ? "png" : "svg";
        Optional<Path> file = dialogs.chooseFileToSave("Export chart as " + format, baseName + "." + ext,
                List.of(DialogService.FileFilter.of(format + " image", "*." + ext)));
        if (file.isEmpty()) {
            return;
        }
        try {
            if (format == Format.PNG) {
                savePng(chart, file.get(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
            } else {
                saveSvg(chart, file.get(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
            }
        } catch (IOException | RuntimeException ex) {
            dialogs.showError("Chart export failed", "Could not write " + file.get() + ": " + ex.getMessage());
        }
    }
}
