package org.entropyworkbench.ui.screenshots;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The steps both screenshot drivers ({@link ScreenshotTour}, {@link FollowScreenshots}) take from their own
 * (non-FX) thread: run something on the FX thread and wait for its result, poll until the window is ready,
 * and snapshot the stage as an opaque RGB image. Each waits at most {@link #TIMEOUT_SECONDS}.
 */
final class FxSteps {

    static final long TIMEOUT_SECONDS = 60;

    private FxSteps() {
    }

    /** Runs {@code action} on the FX thread and returns its result; the caller's thread waits. */
    static <T> T fx(Supplier<T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 100 ms until it holds; {@code what} names it in the time-out message. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The stage's scene as drawn now, without alpha (PNGs stay small and look the same everywhere). */
    static BufferedImage opaqueSnapshot(Stage stage) {
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        BufferedImage rgb = SwingFXUtils.fromFXImage(image, null);
        BufferedImage opaque = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.getGraphics().drawImage(rgb, 0, 0, null);
        return opaque;
    }
}
