package org.entropyworkbench.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class LatestTaskTest {

    /** Keeps every submission's callbacks and, like work that already finished, ignores cancel. */
    private static final class ManualExecutor implements TaskExecutor {
        final List<Consumer<Object>> successes = new ArrayList<>();
        final List<Consumer<Throwable>> failures = new ArrayList<>();

        @SuppressWarnings("unchecked")
        @Override
        public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                                     Consumer<Throwable> onFailure) {
            successes.add((Consumer<Object>) onSuccess);
            failures.add(onFailure);
            return new TaskHandle() {
                @Override
                public void cancel() { }

                @Override
                public boolean isDone() { return false; }
            };
        }

        @Override
        public void runOnUiThread(Runnable action) {
            action.run();
        }
    }

    private final ManualExecutor executor = new ManualExecutor();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final LatestTask latest = new LatestTask(executor, busy);
    private final List<Object> shown = new ArrayList<>();

    @Test
    void onlyTheNewestResultIsDeliveredAndBusyLastsUntilIt() {
        latest.submit("a", p -> "a", shown::add, shown::add);
        latest.submit("b", p -> "b", shown::add, shown::add);
        assertThat(busy.get()).isTrue();

        executor.successes.get(0).accept("a");
        assertThat(shown).isEmpty();
        assertThat(busy.get()).as("the newer work still runs").isTrue();

        executor.successes.get(1).accept("b");
        assertThat(shown).containsExactly("b");
        assertThat(busy.get()).isFalse();
    }

    @Test
    void cancelledWorkDeliversNothingAndIsNotBusy() {
        latest.submit("a", p -> "a", shown::add, shown::add);
        latest.cancel();
        assertThat(busy.get()).isFalse();

        executor.successes.get(0).accept("a");
        executor.failures.get(0).accept(new IllegalStateException("late"));
        assertThat(shown).isEmpty();
        assertThat(busy.get()).isFalse();
    }

    @Test
    void aFailureOfTheNewestWorkIsDelivered() {
        latest.submit("a", p -> "a", shown::add, shown::add);
        IllegalStateException boom = new IllegalStateException("boom");
        executor.failures.get(0).accept(boom);
        assertThat(shown).containsExactly(boom);
        assertThat(busy.get()).isFalse();
    }
}
