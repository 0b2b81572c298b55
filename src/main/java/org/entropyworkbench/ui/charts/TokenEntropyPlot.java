package org.entropyworkbench.ui.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.entropyworkbench.ui.common.DialogService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.entropyworkbench.core.run.StepRecord;
import org.jfree.svg.SVGGraphics2D;

/**
 * Per-token entropy plot on a Canvas: raw values and a moving average, one colour per step.
 *
 * <p>Two uses: a static display of recorded steps ({@link #setSteps}, the Analysis drill-down) and a
 * live display of streams in flight ({@link #beginStream}, {@link #appendTokens}, {@link #finishStream},
 * then one {@link #redraw()} per UI tick, the Run screen). Drawing is decimated per pixel column, so
 * its cost does not grow with the number of tokens. Export: PNG and SVG drawn by the same renderer
 * through Java2D (context menu on the plot, or {@link #savePng}/{@link #saveSvg}).
 *
 * <p>FX thread only, except {@link #renderImage} and {@link #renderSvg} which draw a snapshot.
 */
public final class TokenEntropyPlot {

    /** Finished live series kept on screen after their step completed, oldest dropped first. */
    private static final int KEEP_FINISHED = 4;

    private final Map<String, EntropySeries> series = new LinkedHashMap<>();
    private final List<String> finishedOrder = new ArrayList<>();
    private final Canvas canvas = new Canvas();
    private final Pane pane = new Pane(canvas);
    private int k = StepRecord.DEFAULT_K;
    private int smoothingWindow = 50;
    private String emptyMessage = "No tokens yet";

    public TokenEntropyPlot() {
        pane.setMinSize(200, 140);
        pane.setPrefSize(640, 320);
        pane.getStyleClass().add("token-entropy-plot");
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        canvas.widthProperty().addListener((obs, a, b) -> redraw());
        canvas.heightProperty().addListener((obs, a, b) -> redraw());
        installExportMenu();
    }

    /** The node to put in a layout; it fills the space it is given. */
    public Node node() {
        return pane;
    }

    /** Shows recorded steps (one series each, labelled by question and step) and nothing else. */
    public void setSteps(List<StepRecord> steps, int k) {
        series.clear();
        finishedOrder.clear();
        this.k = k;
        for (StepRecord r : steps) {
            String key = r.questionId() + "/" + r.step();
            series.put(key, EntropySeries.of(key, r.questionId() + " step " + r.step(), r.step(), r.entropies(k)));
        }
        emptyMessage = steps.isEmpty() ? "No steps selected" : "These steps have no per-token entropies";
        redraw();
    }

    /** Sets the k whose entropy range the y axis covers (log2 k bits). */
    public void setK(int k) {
        this.k = k;
        redraw();
    }

    /** Tokens averaged by the bold line. */
    public void setSmoothingWindow(int tokens) {
        this.smoothingWindow = Math.max(1, tokens);
        redraw();
    }

    public void setEmptyMessage(String message) {
        this.emptyMessage = message;
        redraw();
    }

    /** Starts (or restarts from empty) a live stream. Call {@link #redraw()} after the batch. */
    public void beginStream(String key, String label, int step) {
        finishedOrder.remove(key);
        series.put(key, new EntropySeries(key, label, step));
    }

    /** Appends tokens to a live stream, creating it with a default label if needed. */
    public void appendTokens(String key, int step, double[] entropies, int offset, int count) {
        EntropySeries s = series.get(key);
        if (s == null) {
            beginStream(key, key, step);
            s = series.get(key);
        }
        s.append(entropies, offset, count);
    }

    /** The stream broke and starts again from its first token. */
    public void restartStream(String key) {
        EntropySeries s = series.get(key);
        if (s != null) {
            s.clear();
        }
    }

    /** The stream's step completed; it stays visible until newer finished streams push it out. */
    public void finishStream(String key) {
        if (!series.containsKey(key) || finishedOrder.contains(key)) {
            return;
        }
        finishedOrder.add(key);
        while (finishedOrder.size() > KEEP_FINISHED) {
            series.remove(finishedOrder.remove(0));
        }
    }

    /** Removes every series. */
    public void clear() {
        series.clear();
        finishedOrder.clear();
        redraw();
    }

    /** The series on show, in insertion order (read-only view for tests and exports). */
    public List<EntropySeries> series() {
        return Collections.unmodifiableList(new ArrayList<>(series.values()));
    }

    /** Redraws the canvas now. FX thread. */
    public void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        TokenEntropyRenderer.draw(new FxPlotSurface(canvas.getGraphicsContext2D()), w, h, series(), options());
    }

    /** The plot drawn into an image (for PNG export). */
    public BufferedImage renderImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            TokenEntropyRenderer.draw(new Java2dPlotSurface(g), width, height, series(), options());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The plot as an SVG document, drawn by the same renderer. */
    public String renderSvg(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        TokenEntropyRenderer.draw(new Java2dPlotSurface(g), width, height, series(), options());
        return g.getSVGDocument();
    }

    public void savePng(Path file, int width, int height) throws IOException {
        if (!ImageIO.write(renderImage(width, height), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    public void saveSvg(Path file, int width, int height) throws IOException {
        Files.writeString(file, renderSvg(width, height), StandardCharsets.UTF_8);
    }

    private TokenEntropyRenderer.Options options() {
        return new TokenEntropyRenderer.Options(TokenEntropyRenderer.yMaxForK(k), smoothingWindow, emptyMessage);
    }

    private void installExportMenu() {
        MenuItem png = new MenuItem("Export PNG…");
        png.setOnAction(e -> export("png"));
        MenuItem svg = new MenuItem("Export SVG…");
        svg.setOnAction(e -> export("svg"));
        ContextMenu menu = new ContextMenu(png, svg);
        pane.setOnContextMenuRequested(e -> menu.show(pane, e.getScreenX(), e.getScreenY()));
    }

    private void export(String format) {
        DialogService dialogs = DialogService.of(pane);
        Optional<Path> chosen = dialogs.chooseFileToSave("Export token entropy plot", "token-entropy." + format,
                List.of(DialogService.FileFilter.of(format.toUpperCase() + " image", "*." + format)));
        if (chosen.isEmpty()) {
            return;
        }
        int w = (int) Math.max(800, canvas.getWidth());
        int h = (int) Math.max(400, canvas.getHeight());
        Path target = chosen.get();
        // Rendering the decimated plot is quick; encoding and writing the file happen off the FX thread.
        if (format.equals("png")) {
            BufferedImage image = renderImage(w, h);
            writeInBackground(dialogs, target, () -> {
                if (!ImageIO.write(image, "png", target.toFile())) {
                    throw new IOException("no PNG writer available");
                }
            });
        } else {
            String svgText = renderSvg(w, h);
            writeInBackground(dialogs, target, () -> Files.writeString(target, svgText, StandardCharsets.UTF_8));
        }
    }

    private interface FileWrite {
        void run() throws IOException;
    }

    private static void writeInBackground(DialogService dialogs, Path target, FileWrite write) {
        CompletableFuture.runAsync(() -> {
            try {
                write.run();
            } catch (IOException ex) {
                Platform.runLater(() -> dialogs.showError("Plot export failed",
                        "Could not write " + target + ": " + ex.getMessage()));
            }
        });
    }
}
