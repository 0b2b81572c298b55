package org.entropyworkbench.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.run.StepRecord;
import org.junit.jupiter.api.Test;

class TokenStreamBufferTest {

    @Test
    void manyTokensFromSeveralThreadsArriveInBatchesNothingLostOrderKeptPerStream() throws Exception {
        TokenStreamBuffer buffer = new TokenStreamBuffer();
        int threads = 6;
        int stepsPerThread = 3;
        int tokensPerStep = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String q = "q" + t;
            pool.submit(() -> {
                for (int step = 1; step <= stepsPerThread; step++) {
                    buffer.offerStarted(q, step);
                    for (int i = 0; i < tokensPerStep; i++) {
                        buffer.offerToken(q, step, Integer.toString(i), i, Channel.REASONING);
                    }
                    buffer.offerCompleted(record(q, step));
                }
                done.countDown();
            });
        }
        Map<String, List<String>> received = new HashMap<>();
        Map<String, Integer> completedSize = new HashMap<>();
        Map<String, List<Integer>> stepOrderPerQuestion = new HashMap<>();
        int drains = 0;
        int batches = 0;
        boolean finished = false;
        while (!finished) {
            finished = done.await(5, TimeUnit.MILLISECONDS);
            for (TokenStreamBuffer.LiveTokenBatch b : buffer.drain()) {
                batches++;
                List<String> texts = received.computeIfAbsent(b.key(), k -> new ArrayList<>());
                for (int i = 0; i < b.size(); i++) {
                    assertThat(b.entropies()[i]).isEqualTo(Double.parseDouble(b.texts()[i]));
                    texts.add(b.texts()[i]);
                }
                if (b.started()) {
                    stepOrderPerQuestion.computeIfAbsent(b.questionId(), k -> new ArrayList<>()).add(b.step());
                }
                if (b.completed() != null) {
                    completedSize.put(b.key(), texts.size());
                }
            }
            drains++;
        }
        pool.shutdown();

        assertThat(received).hasSize(threads * stepsPerThread);
        for (Map.Entry<String, List<String>> e : received.entrySet()) {
            List<String> texts = e.getValue();
            assertThat(texts).as(e.getKey()).hasSize(tokensPerStep);
            for (int i = 0; i < tokensPerStep; i++) {
                assertThat(texts.get(i)).isEqualTo(Integer.toString(i));
            }
            assertThat(completedSize.get(e.getKey())).as("completion after the last token of %s", e.getKey())
                    .isEqualTo(tokensPerStep);
        }
        for (List<Integer> order : stepOrderPerQuestion.values()) {
            assertThat(order).containsExactly(1, 2, 3);
        }
        assertThat(batches).isLessThan(threads * stepsPerThread * tokensPerStep / 10);
        assertThat(drains).isPositive();
        assertThat(buffer.openStreams()).isZero();
    }

    @Test
    void restartDropsTheTokensOfTheBrokenAttempt() {
        TokenStreamBuffer buffer = new TokenStreamBuffer();
        buffer.offerStarted("a", 1);
        buffer.offerToken("a", 1, "x", 1.0, Channel.ANSWER);
        List<TokenStreamBuffer.LiveTokenBatch> first = buffer.drain();
        assertThat(first).singleElement().satisfies(b -> assertThat(b.size()).isEqualTo(1));
        buffer.offerToken("a", 1, "y", 1.0, Channel.ANSWER);
        buffer.offerRestarted("a", 1);
        buffer.offerToken("a", 1, "z", 0.5, Channel.ANSWER);
        List<TokenStreamBuffer.LiveTokenBatch> second = buffer.drain();
        assertThat(second).singleElement().satisfies(b -> {
            assertThat(b.restarted()).isTrue();
            assertThat(b.size()).isEqualTo(1);
            assertThat(b.texts()[0]).isEqualTo("z");
        });
        assertThat(buffer.drain()).isEmpty();
    }

    @Test
    void batchesComeInStreamCreationOrder() {
        TokenStreamBuffer buffer = new TokenStreamBuffer();
        buffer.offerStarted("b", 1);
        buffer.offerStarted("a", 1);
        buffer.offerCompleted(record("b", 1));
        buffer.offerStarted("b", 2);
        List<String> keys = buffer.drain().stream().map(TokenStreamBuffer.LiveTokenBatch::key).toList();
        assertThat(keys).containsExactly("b/1", "a/1", "b/2");
    }

    static StepRecord record(String q, int step) {
        return new StepRecord(q, step, "hash", "m", "s", 0.7, 100, 20, "answer", null, "1", "1", true,
                10, 5, "stop", null, null, Map.of(20, new double[]{0.1, 0.2}), null, null, null, 0, 1);
    }
}
