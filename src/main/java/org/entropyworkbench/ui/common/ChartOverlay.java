package org.entropyworkbench.ui.common;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * JavaFX shapes drawn over a chart at data coordinates, for things that move with the mouse
 * (the current threshold). Moving them repositions a node instead of repainting the whole
 * chart, so dragging stays smooth however many points the chart has. The shapes follow the
 * chart's data area when it is resized or re-ranged. FX thread only.
 */
public final class ChartOverlay extends StackPane {

    private final ChartViewer viewer;
    private final Pane layer = new Pane();
    private final List<Runnable> placers = new ArrayList<>();
    private boolean refreshQueued;

    public ChartOverlay(ChartViewer viewer) {
        this.viewer = viewer;
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        getChildren().addAll(viewer, layer);
        viewer.getCanvas().widthProperty().addListener(o -> queueRefresh());
        viewer.getCanvas().heightProperty().addListener(o -> queueRefresh());
        viewer.getChart().addChangeListener(e -> queueRefresh());
    }

    public ChartViewer viewer() { return viewer; }

    /** A vertical line across the data area at a domain value, with a small label at its foot. */
    public VerticalMarker addVerticalMarker(Color color, double width) {
        VerticalMarker m = new VerticalMarker(color, width);
        layer.getChildren().addAll(m.line, m.label);
        placers.add(m::place);
        return m;
    }

    /**
     * Labels for vertical markers, drawn in a band above the data area (so the current-τ line, which
     * spans only the data area, never crosses them), each centred over its marker and stacked in as
     * many rows as needed so that no two overlap. The band grows and shrinks with the rows.
     */
    public MarkerLabels addMarkerLabels() {
        MarkerLabels m = new MarkerLabels();
        placers.add(m::place);
        return m;
    }

    /** A dot at a data point. */
    public PointMarker addPoint(Color color, double radius) {
        PointMarker p = new PointMarker(color, radius);
        layer.getChildren().add(p.dot);
        placers.add(p::place);
        return p;
    }

    /** Places every shape now (normally automatic after the chart repaints). */
    public void refresh() {
        refreshQueued = false;
        placers.forEach(Runnable::run);
    }

    private void queueRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(this::refresh);
        }
    }

    private Rectangle2D dataArea() {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return area == null || area.getWidth() <= 0 ? null : area;
    }

    private XYPlot plot() {
        return (XYPlot) viewer.getChart().getPlot();
    }

    /** A vertical line at x = value (bits); hidden for NaN or outside the axis range. */
    public final class VerticalMarker {
        private final Line line = new Line();
        private final Label label = new Label();
        private double value = Double.NaN;
        private String text = "";

        VerticalMarker(Color color, double width) {
            line.setStroke(color);
            line.setStrokeWidth(width);
            label.getStyleClass().add("chart-overlay-label");
            label.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-font-size: 11px; -fx-font-weight: bold;"
                    + " -fx-padding: 0 3 0 3;");
            label.setTextFill(color);
            line.setVisible(false);
            label.setVisible(false);
        }

        public void set(double newValue, String newText) {
            value = newValue;
            text = newText;
            place();
        }

        public double value() { return value; }

        /** Where the line is drawn, in canvas pixels (NaN when hidden); for tests. */
        public double canvasX() { return line.isVisible() ? line.getStartX() : Double.NaN; }

        void place() {
            Rectangle2D area = dataArea();
            boolean show = area != null && Double.isFinite(value) && plot().getDomainAxis().getRange().contains(value);
            line.setVisible(show);
            label.setVisible(show);
            if (!show) {
                return;
            }
            double x = plot().getDomainAxis().valueToJava2D(value, area, plot().getDomainAxisEdge());
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(area.getMinY());
            line.setEndY(area.getMaxY());
            label.setText(text);
            label.autosize();
            label.relocate(Math.min(x + 3, area.getMaxX() - label.getWidth()), area.getMaxY() - label.getHeight() - 2);
        }
    }

    /** A dot at (x, y) in data coordinates; hidden for NaN. */
    public final class PointMarker {
        private final Circle dot;
        private double x = Double.NaN;
        private double y = Double.NaN;

        PointMarker(Color color, double radius) {
            dot = new Circle(radius, color);
            dot.setStroke(Color.WHITE);
            dot.setStrokeWidth(1.5);
            dot.setVisible(false);
        }

        public void set(double newX, double newY) {
            x = newX;
            y = newY;
            place();
        }

        void place() {
            Rectangle2D area = dataArea();
            boolean show = area != null && Double.isFinite(x) && Double.isFinite(y);
            dot.setVisible(show);
            if (!show) {
                return;
            }
            dot.setCenterX(plot().getDomainAxis().valueToJava2D(x, area, plot().getDomainAxisEdge()));
            dot.setCenterY(plot().getRangeAxis().valueToJava2D(y, area, plot().getRangeAxisEdge()));
        }
    }

    /** See {@link #addMarkerLabels()}. */
    public final class MarkerLabels {
        /** Height of one row of labels, pixels. */
        static final double ROW_HEIGHT = 15;
        private static final double GAP = 6;
        private static final double BASE_TOP_INSET = 4;
        private final List<Label> labels = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private int reservedRows = -1;

        /** Replaces the labels: one per value (NaN values are skipped). */
        public void set(List<Double> newValues, List<String> texts, List<Color> colors) {
            layer.getChildren().removeAll(labels);
            labels.clear();
            values.clear();
            for (int i = 0; i < newValues.size(); i++) {
                if (!Double.isFinite(newValues.get(i))) {
                    continue;
                }
                Label l = new Label(texts.get(i));
                l.getStyleClass().add("chart-marker-label");
                Color c = colors.get(i);
                l.setStyle(String.format(java.util.Locale.ROOT,
                        "-fx-font-size: 11px; -fx-padding: 0 2 0 2; -fx-text-fill: rgb(%d,%d,%d);",
                        Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)));
                labels.add(l);
                values.add(newValues.get(i));
            }
            layer.getChildren().addAll(labels);
            queueRefresh();
        }

        /** The labels on show (tests check that they do not overlap). */
        public List<Label> labels() { return List.copyOf(labels); }

        void place() {
            Rectangle2D area = dataArea();
            if (area == null) {
                labels.forEach(l -> l.setVisible(false));
                return;
            }
            int n = labels.size();
            Integer[] order = new Integer[n];
            double[] centre = new double[n];
            double[] width = new double[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                Label l = labels.get(i);
                l.applyCss();
                l.autosize();
                width[i] = l.prefWidth(-1);
                centre[i] = plot().getDomainAxis().valueToJava2D(values.get(i), area, plot().getDomainAxisEdge());
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(centre[a], centre[b]));
            double[] start = new double[n];
            int[] row = ChartOverlay.place(order, centre, width, area.getMinX(), area.getMaxX(), GAP, start);
            int rows = 0;
            for (int i = 0; i < n; i++) {
                rows = Math.max(rows, row[i] + 1);
                Label l = labels.get(i);
                l.setVisible(true);
                l.resize(width[i], ROW_HEIGHT);
                l.relocate(start[i], area.getMinY() - (row[i] + 1) * ROW_HEIGHT - 1);
            }
            if (rows != reservedRows) {
                reservedRows = rows;
                org.jfree.chart.ui.RectangleInsets old = plot().getInsets();
                plot().setInsets(new org.jfree.chart.ui.RectangleInsets(BASE_TOP_INSET + rows * ROW_HEIGHT,
                        old.getLeft(), old.getBottom(), old.getRight()));
            }
        }
    }

    /**
     * Rows and left edges for labels over markers at {@code centre}: in left-to-right order each
     * label takes the lowest row where it fits centred over its marker, or else ending at it, or
     * else starting at it (kept inside [minX, maxX]), so close markers need few rows.
     *
     * @param start receives each label's left edge
     * @return the row of each label, indexed like {@code centre}
     */
    static int[] place(Integer[] order, double[] centre, double[] width, double minX, double maxX, double gap,
                       double[] start) {
        int[] row = new int[centre.length];
        List<Double> rowEnds = new ArrayList<>();
        for (int i : order) {
            double[] candidates = {centre[i] - width[i] / 2, centre[i] - width[i], centre[i]};
            boolean placed = false;
            for (int r = 0; r <= rowEnds.size() && !placed; r++) {
                double end = r < rowEnds.size() ? rowEnds.get(r) : Double.NEGATIVE_INFINITY;
                for (double x : candidates) {
                    double clamped = Math.max(minX, Math.min(maxX - width[i], x));
                    if (end + gap <= clamped) {
                        start[i] = clamped;
                        row[i] = r;
                        if (r == rowEnds.size()) {
                            rowEnds.add(clamped + width[i]);
                        } else {
                            rowEnds.set(r, clamped + width[i]);
                        }
                        placed = true;
                        break;
                    }
                }
            }
        }
        return row;
    }
}
