package org.entropyworkbench.ui.run;

/**
 * Calls one action repeatedly on the UI thread while a run is live (the app: a 25 Hz Timeline;
 * tests: driven by hand). The only way buffered run events reach the UI.
 */
interface UiTicker {

    void start(Runnable tick);

    void stop();

    /** Ticks 25 times a second with a JavaFX Timeline (created on first start, FX thread). */
    static UiTicker timeline() {
        return new UiTicker() {
            private javafx.animation.Timeline timeline;

            @Override
            public void start(Runnable tick) {
                stop();
                timeline = new javafx.animation.Timeline(
                        new javafx.animation.KeyFrame(javafx.util.Duration.millis(40), e -> tick.run()));
                timeline.setCycleCount(javafx.animation.Animation.INDEFINITE);
                timeline.play();
            }

            @Override
            public void stop() {
                if (timeline != null) {
                    timeline.stop();
                    timeline = null;
                }
            }
        };
    }
}
