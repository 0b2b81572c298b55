package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;

class ReplayProviderTest {

    private static StepRecord record(String q, int step, double[] h20, double[] tail, List<StepRecord.TopLogprobs> top) {
        List<String> tokens = new java.util.ArrayList<>();
        StringBuilder ch = new StringBuilder();
        for (int i = 0; i < h20.length; i++) {
            tokens.add("t" + i);
            ch.append(i < h20.length / 2 ? 'R' : 'A');
        }
        return new StepRecord(q, step, "hash", "m", "vllm http://x/v1", 0.7, 100, 20, "answer " + q, "why", null, "7", null,
                11, h20.length, "stop", tokens, ch.toString(), Map.of(20, h20), tail, top, List.of(), 0L, 0L);
    }

    private static ChatRequest req(String q, int step) {
        return new ChatRequest(q, step, List.of(ChatMessage.user("x")), "m", 0.7, 100, 20, null, null);
    }

    @Test
    void synthesisedAlternativesReproduceTheRecordedEntropy() throws Exception {
        double[] h = {0.0, 1e-9, 0.05, 0.7, 1.3, 2.9, 4.0, Math.log(20) / Math.log(2), Double.NaN, 3.3};
        double[] tail = {0, 0.1, 0.2, 0, 0.05, 0.5, 0, 0, 0, Double.NaN};
        ReplayProvider replay = new ReplayProvider(List.of(record("q1", 1, h, tail, null)), 0);
        StepEntropyAccumulator acc = new StepEntropyAccumulator();
        RecordingListener rec = new RecordingListener();
        ChatResult r = replay.stream(req("q1", 1), t -> {
            rec.onToken(t);
            acc.onToken(t);
        }, CancellationToken.none());

        double[] got = acc.entropyByK().get(20);
        assertThat(got).hasSize(h.length);
        for (int i = 0; i < h.length; i++) {
            if (Double.isNaN(h[i])) {
                assertThat(got[i]).isNaN();
                assertThat(rec.tokens.get(i).topCount()).isZero();
            } else {
                assertThat(got[i]).as("position %d", i).isCloseTo(h[i], Offset.offset(1e-6));
                assertThat(rec.tokens.get(i).topCount()).isEqualTo(20);
                assertThat(rec.tokens.get(i).topTokens()).doesNotHaveDuplicates();
            }
        }
        assertThat(acc.tailMass()[1]).isCloseTo(0.1, Offset.offset(1e-9));
        assertThat(acc.channels()).isEqualTo("RRRRRAAAAA");
        assertThat(rec.tokens.get(3).text()).isEqualTo("t3");
        assertThat(r.text()).isEqualTo("answer q1");
        assertThat(r.completionTokens()).isEqualTo(h.length);
        assertThat(r.tokensWithLogprobs()).isEqualTo(h.length - 1);
    }

    @Test
    void directEntropyCheckOfTheSyntheticVector() {
        double[] lp = new double[20];
        String[] tok = new String[20];
        for (int i = 0; i < 20; i++) {
            tok[i] = "a" + i;
        }
        for (double target : new double[] {0.01, 0.5, 2.0, 4.2}) {
            SyntheticAlternatives.fill(target, 20, 0.3, lp);
            assertThat(new TopKEntropy().entropyBits(lp, tok, 20)).isCloseTo(target, Offset.offset(1e-6));
        }
    }

    @Test
    void rawTopLogprobsAreReplayedAsRecorded() throws Exception {
        List<StepRecord.TopLogprobs> top = List.of(
                new StepRecord.TopLogprobs(List.of("t0", "u"), new double[] {-0.1, -2.4}),
                new StepRecord.TopLogprobs(List.of("v", "t1"), new double[] {-0.5, -0.9}));
        ReplayProvider replay = new ReplayProvider(List.of(record("q", 2, new double[] {0.3, 0.9}, null, top)), 0);
        RecordingListener rec = new RecordingListener();
        replay.stream(req("q", 2), rec, CancellationToken.none());
        assertThat(rec.tokens.get(0).topTokens()).containsExactly("t0", "u");
        assertThat(rec.tokens.get(1).topLogprobs()).containsExactly(-0.5, -0.9);
        assertThat(rec.tokens.get(1).logprob()).isEqualTo(-0.9);
    }

    @Test
    void unknownQuestionStepIsFatalAndNamesThem() {
        ReplayProvider replay = new ReplayProvider(List.of(record("q1", 1, new double[] {1}, null, null)), 0);
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> replay.stream(req("q9", 3), TokenListener.IGNORE, CancellationToken.none()));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FATAL);
        assertThat(e.getMessage()).contains("'q9'").contains("step 3");
    }

    @Test
    void pacingIsRoughlyTheRequestedSpeed() throws Exception {
        ReplayProvider replay = new ReplayProvider(List.of(record("q1", 1, new double[21], null, null)), 200);
        long start = System.nanoTime();
        replay.stream(req("q1", 1), TokenListener.IGNORE, CancellationToken.none());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).as("20 intervals at 200 tokens/s = 100 ms").isGreaterThanOrEqualTo(90).isLessThan(5_000);
    }

    @Test
    void cancelStopsAReplayMidway() {
        ReplayProvider replay = new ReplayProvider(List.of(record("q1", 1, new double[50], null, null)), 0);
        CancellationToken cancel = new CancellationToken();
        AtomicReference<Integer> seen = new AtomicReference<>(0);
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> replay.stream(req("q1", 1), t -> {
            seen.set(seen.get() + 1);
            if (seen.get() == 5) {
                cancel.cancel();
            }
        }, cancel));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.CANCELLED);
        assertThat(seen.get()).isEqualTo(5);
    }
}
