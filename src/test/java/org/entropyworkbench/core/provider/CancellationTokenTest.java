package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancellationTokenTest {

    @Test
    void callbacksRunOnceInOrderOnTheCancellingThread() throws Exception {
        CancellationToken token = new CancellationToken();
        List<String> ran = new ArrayList<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        token.onCancel(() -> ran.add("first"));
        token.onCancel(() -> {
            ran.add("second");
            ranOn.set(Thread.currentThread());
        });
        assertThat(ran).isEmpty();

        Thread canceller = new Thread(token::cancel, "canceller");
        canceller.start();
        canceller.join();
        token.cancel();

        assertThat(token.isCancelled()).isTrue();
        assertThat(ran).containsExactly("first", "second");
        assertThat(ranOn.get()).isSameAs(canceller);
    }

    @Test
    void aCallbackRegisteredAfterCancelRunsAtOnce() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        AtomicInteger runs = new AtomicInteger();

        token.onCancel(runs::incrementAndGet).close();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aThrowingCallbackDoesNotStopTheOthersAndIsReported() throws Exception {
        CancellationToken token = new CancellationToken();
        AtomicInteger runs = new AtomicInteger();
        List<Throwable> reported = new ArrayList<>();
        token.onCancel(runs::incrementAndGet);
        token.onCancel(() -> {
            throw new IllegalStateException("callback failed");
        });
        token.onCancel(runs::incrementAndGet);

        Thread canceller = new Thread(token::cancel, "canceller");
        canceller.setUncaughtExceptionHandler((t, e) -> reported.add(e));
        canceller.start();
        canceller.join();

        assertThat(runs).hasValue(2);
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("callback failed");
    }

    @Test
    void aClosedRegistrationDoesNotRun() {
        CancellationToken token = new CancellationToken();
        AtomicInteger runs = new AtomicInteger();
        CancellationToken.Registration kept = token.onCancel(runs::incrementAndGet);
        token.onCancel(runs::incrementAndGet).close();

        token.cancel();
        kept.close();

        assertThat(runs).hasValue(1);
    }
}
