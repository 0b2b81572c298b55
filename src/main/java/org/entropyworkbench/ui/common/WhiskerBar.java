package org.entropyworkbench.ui.common;

import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * A small horizontal whisker under a metric tile's figure: a faint track for the scale, the 95 % interval
 * as a line with end caps, the point as a dot, and a short tick at the reference value (chance, zero).
 * Drawn with shapes laid out on resize. FX thread only.
 */
public final class WhiskerBar extends Region {

    static final double HEIGHT = 8;
    private static final Color TRACK = Color.web("#d5dbe2");
    private static final Color INTERVAL = Color.web("#2e86c1");
    private static final Color POINT = Color.web("#1f2a3a");
    private static final Color REFERENCE = Color.web("#8a96a3");

    private final Line track = new Line();
    private final Line reference = new Line();
    private final Line whisker = new Line();
    private final Line leftCap = new Line();
    private final Line rightCap = new Line();
    private final Circle dot = new Circle(2.4, POINT);
    private IntervalFigure figure = IntervalFigure.none();

    public WhiskerBar() {
        getStyleClass().add("whisker-bar");
        track.setStroke(TRACK);
        track.setStrokeWidth(2);
        reference.setStroke(REFERENCE);
        reference.setStrokeWidth(1.2);
        for (Line l : new Line[] {whisker, leftCap, rightCap}) {
            l.setStroke(INTERVAL);
            l.setStrokeWidth(1.8);
        }
        getChildren().addAll(track, reference, whisker, leftCap, rightCap, dot);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        setPrefWidth(90);
        setMinWidth(40);
        setManaged(true);
        show(figure);
    }

    /** Shows {@code f}; hides the bar when it has no interval. */
    public void show(IntervalFigure f) {
        figure = f == null ? IntervalFigure.none() : f;
        setVisible(figure.hasBar());
        requestLayout();
    }

    /** What the bar shows (tests). */
    public IntervalFigure figure() { return figure; }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double y = HEIGHT / 2;
        double pad = 3;
        double span = Math.max(1, w - 2 * pad);
        track.setStartX(pad);
        track.setEndX(pad + span);
        track.setStartY(y);
        track.setEndY(y);
        if (!figure.hasBar()) {
            return;
        }
        double lo = pad + span * clamp(figure.position(figure.lower()));
        double hi = pad + span * clamp(figure.position(figure.upper()));
        whisker.setStartX(lo);
        whisker.setEndX(hi);
        whisker.setStartY(y);
        whisker.setEndY(y);
        cap(leftCap, lo, y);
        cap(rightCap, hi, y);
        dot.setCenterX(pad + span * clamp(figure.position(figure.point())));
        dot.setCenterY(y);
        boolean hasReference = Double.isFinite(figure.reference());
        reference.setVisible(hasReference);
        if (hasReference) {
            double x = pad + span * clamp(figure.position(figure.reference()));
            reference.setStartX(x);
            reference.setEndX(x);
            reference.setStartY(0);
            reference.setEndY(HEIGHT);
        }
    }

    private static void cap(Line l, double x, double y) {
        l.setStartX(x);
        l.setEndX(x);
        l.setStartY(y - 3);
        l.setEndY(y + 3);
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }
}
