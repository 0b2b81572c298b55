package org.entropyworkbench.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.junit.jupiter.api.Test;

/** Backoff, rate limiting, integrity flags and config validation. */
class RunnerPartsTest {

    @Test
    void backoffDoublesWithinJitterAndIsCapped() {
        RetryPolicy p = new RetryPolicy(10, 1000, 5000, true, 120_000, 0);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            assertThat(p.delayMillis(1, -1, r)).isBetween(500L, 1000L);
            assertThat(p.delayMillis(2, -1, r)).isBetween(1000L, 2000L);
            assertThat(p.delayMillis(3, -1, r)).isBetween(2000L, 4000L);
            assertThat(p.delayMillis(9, -1, r)).isBetween(2500L, 5000L);
        }
        assertThat(p.delayMillis(1, 30_000, r)).isEqualTo(30_000);
        assertThat(p.retryAfterTooLong(150_000)).isTrue();
        assertThat(p.retryAfterTooLong(120_000)).isFalse();
        RetryPolicy ignoring = new RetryPolicy(3, 1000, 5000, false, 120_000, 0);
        assertThat(ignoring.delayMillis(1, 30_000, r)).isBetween(500L, 1000L);
        assertThat(ignoring.retryAfterTooLong(999_999)).isFalse();
    }

    @Test
    void rateLimiterReservesSlotsSixtySecondsOverRpmApart() throws Exception {
        VirtualClock clock = new VirtualClock();
        RunControl control = new RunControl(new FrozenClock(clock));
        RequestRateLimiter limiter = new RequestRateLimiter(12);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire(control)).isTrue();
        }
        assertThat(clock.sleeps()).containsExactly(5_000L, 10_000L, 15_000L);
        RequestRateLimiter unlimited = new RequestRateLimiter(0);
        assertThat(unlimited.acquire(control)).isTrue();
        assertThat(clock.sleeps()).hasSize(3);
    }

    @Test
    void rateLimiterGivesUpWhenTheRunStops() throws Exception {
        RunControl control = new RunControl(new VirtualClock());
        RequestRateLimiter limiter = new RequestRateLimiter(1);
        assertThat(limiter.acquire(control)).isTrue();
        control.cancel();
        assertThat(limiter.acquire(control)).isFalse();
        assertThat(control.awaitRunnable()).isFalse();
    }

    @Test
    void integrityFlags() {
        java.util.List<String> none = java.util.List.of();
        assertThat(StepIntegrity.flags(5, "RRAAA", 0, "stop", false, none)).isEmpty();
        assertThat(StepIntegrity.flags(7, "CRRAAC", 0, "stop", false, none)).as("2 control tokens explain 1").isEmpty();
        assertThat(StepIntegrity.flags(9, "CRRAAC", 0, "stop", false, none)).containsExactly("token-count-mismatch");
        assertThat(StepIntegrity.flags(-1, "RA", 1, "length", true, none))
                .containsExactly("restarted", "no-usage", "missing-logprobs", "length");
        assertThat(StepIntegrity.flags(900, "RRAAA", 0, "stop", false, java.util.List.of("sampled-tokens")))
                .as("a sample of the tokens is no mismatch").containsExactly("sampled-tokens");
        assertThat(StepIntegrity.flags(-1, "RA", 0, "stop", false, java.util.List.of("no-usage")))
                .containsExactly("no-usage");
        assertThat(StepIntegrity.completionTokens(-1, 12)).isEqualTo(12);
        assertThat(StepIntegrity.completionTokens(30, 12)).isEqualTo(30);
    }

    @Test
    void configRefusesWhatCannotRun() {
        FakeChatProvider fake = new FakeChatProvider("fake");
        java.nio.file.Path out = java.nio.file.Path.of("unused.jsonl");
        assertThatThrownBy(() -> TestRuns.config(out, 2, TestRuns.endpoint(fake, 1)).mode(RunMode.GATED).build())
                .hasMessageContaining("gated mode needs a threshold");
        assertThatThrownBy(() -> TestRuns.config(out, 2, TestRuns.endpoint(fake, 1)).steps(0).build())
                .hasMessageContaining("steps must be at least 1");
        assertThatThrownBy(() -> TestRuns.config(out, 2).build()).hasMessageContaining("at least one endpoint");
        assertThatThrownBy(() -> new GateSettings(Double.NaN, ThresholdMethod.BAYES_OPTIMAL, 20, null))
                .hasMessageContaining("bayes-optimal");
        assertThatThrownBy(() -> new Endpoint(fake, 0, 0, "x")).hasMessageContaining("concurrency");
        RunConfig ok = TestRuns.config(out, 2, TestRuns.endpoint(fake, 1)).grader(null).build();
        assertThat(ok.grader()).as("defaults to the kind's grader").isNotNull();
        assertThat(ok.title()).isEqualTo(TestRuns.MODEL + " / invented");
        assertThat(RunMode.fromWireName("Budgeted")).isEqualTo(RunMode.BUDGETED);
    }

    /** A clock whose time stands still between waits that it does not advance (limiter sees "now" = 0). */
    private record FrozenClock(VirtualClock recorder) implements RunClock {
        @Override public long nanoTime() { return 0; }
        @Override public long epochMillis() { return 0; }
        @Override public boolean sleep(long millis, java.util.concurrent.CountDownLatch wakeUp) {
            return recorder.sleep(millis, wakeUp);
        }
    }
}
