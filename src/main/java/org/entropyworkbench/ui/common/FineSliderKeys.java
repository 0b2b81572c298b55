package org.entropyworkbench.ui.common;

import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard steps for a slider that holds a precise value (τ in bits): arrow keys move by a small
 * step, Shift+arrow by a larger one, Home and End go to the ends. The default slider behaviour
 * moves by a fraction of the whole range (or jumps to the ends), which is useless for τ. FX thread.
 */
public final class FineSliderKeys {

    private FineSliderKeys() {
    }

    /**
     * Installs the keys on {@code slider}.
     *
     * @param step      change per arrow key
     * @param shiftStep change per Shift+arrow
     */
    public static void install(Slider slider, double step, double shiftStep) {
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Double target = target(slider.getValue(), slider.getMin(), slider.getMax(), e.getCode(),
                    e.isShiftDown(), step, shiftStep);
            if (target != null) {
                slider.setValue(target);
                e.consume();
            }
        });
    }

    /**
     * The value after pressing {@code key} at {@code value}, clamped to [min, max] and rounded to
     * the step, or null when the key is not one of ours.
     */
    static Double target(double value, double min, double max, KeyCode key, boolean shift, double step,
                         double shiftStep) {
        double d = shift ? shiftStep : step;
        double next;
        switch (key) {
            case RIGHT, UP, KP_RIGHT, KP_UP -> next = value + d;
            case LEFT, DOWN, KP_LEFT, KP_DOWN -> next = value - d;
            case HOME -> {
                return min;
            }
            case END -> {
                return max;
            }
            default -> {
                return null;
            }
        }
        next = Math.round(next / step) * step;
        return Math.max(min, Math.min(max, next));
    }
}
