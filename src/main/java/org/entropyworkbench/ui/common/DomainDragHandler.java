package org.entropyworkbench.ui.common;

import java.awt.geom.Rectangle2D;
import java.util.function.DoubleConsumer;
import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.XYPlot;

/**
 * Turns a mouse press or drag on an XY chart into a domain value, so a threshold marker can be
 * dragged: the chart's own zoom and pan handlers are removed and each primary-button press or
 * drag inside the data area reports the x value under the mouse. FX thread only.
 */
public final class DomainDragHandler {

    private DomainDragHandler() {
    }

    /** Installs the handler on {@code viewer}; {@code onValue} receives domain values (bits). */
    public static void install(ChartViewer viewer, DoubleConsumer onValue) {
        ChartCanvas canvas = viewer.getCanvas();
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        for (String id : new String[] {"zoom", "pan", "scroll"}) {
            MouseHandlerFX handler = canvas.getMouseHandler(id);
            if (handler != null) {
                canvas.removeMouseHandler(handler);
            }
        }
        canvas.setCursor(Cursor.H_RESIZE);
        EventHandler<MouseEvent> handler = e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double value = domainValueAt(viewer, e.getX());
            if (!Double.isNaN(value)) {
                onValue.accept(value);
            }
            e.consume();
        };
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, handler);
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, handler);
    }

    /** The domain value at canvas x, clamped to the data area; NaN before the first paint. */
    public static double domainValueAt(ChartViewer viewer, double canvasX) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null || !(viewer.getChart().getPlot() instanceof XYPlot plot)) {
            return Double.NaN;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (area == null || area.getWidth() <= 0) {
            return Double.NaN;
        }
        double x = Math.max(area.getMinX(), Math.min(area.getMaxX(), canvasX));
        return plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    }

    /** The canvas x of a domain value (for tests and for placing things over the chart). */
    public static double canvasXOf(ChartViewer viewer, double value) {
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        XYPlot plot = (XYPlot) viewer.getChart().getPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return plot.getDomainAxis().valueToJava2D(value, area, plot.getDomainAxisEdge());
    }
}
