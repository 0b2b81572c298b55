package org.entropyworkbench.core.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatProvider;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.TokenView;

/**
 * A scripted model server for engine tests. Deterministic: the answer of a step depends on the
 * question, the step and a hash of every message sent (so a wrong context gives a different
 * text). Each position's top-k is uniform over {@code alternatives(question)} entries, so its
 * entropy is exactly log2 of that number. Faults can be queued per (question, step).
 */
final class FakeChatProvider implements ChatProvider {

    /** What one call does instead of (or before) answering normally. */
    interface Fault {
        /** Called after {@code tokensBefore} tokens were emitted. */
        void raise() throws ProviderException;
    }

    private final String label;
    private final Map<String, Deque<QueuedFault>> faults = new HashMap<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<String, Integer> alternatives = q -> 4;
    private volatile int tokensPerStep = 6;
    private volatile UsageMode usage = UsageMode.EXACT;
    private volatile boolean logprobs = true;
    private volatile long perTokenDelayMillis;
    private volatile CallHook hook = request -> { };

    enum UsageMode { EXACT, NONE, PLUS_FIVE }

    /** Runs at the start of every call on the calling thread (tests block or count there). */
    interface CallHook {
        void onCall(ChatRequest request) throws InterruptedException;
    }

    private record QueuedFault(int tokensBefore, Fault fault) {
    }

    FakeChatProvider(String label) {
        this.label = label;
    }

    FakeChatProvider alternatives(Function<String, Integer> perQuestion) {
        alternatives = perQuestion;
        return this;
    }

    FakeChatProvider tokensPerStep(int n) {
        tokensPerStep = n;
        return this;
    }

    FakeChatProvider usage(UsageMode mode) {
        usage = mode;
        return this;
    }

    FakeChatProvider withoutLogprobs() {
        logprobs = false;
        return this;
    }

    FakeChatProvider perTokenDelay(long millis) {
        perTokenDelayMillis = millis;
        return this;
    }

    FakeChatProvider hook(CallHook h) {
        hook = h;
        return this;
    }

    /** The next call of (question, step) emits {@code tokensBefore} tokens, then raises. */
    synchronized FakeChatProvider failNext(String questionId, int step, int tokensBefore, Fault fault) {
        faults.computeIfAbsent(questionId + "#" + step, k -> new ArrayDeque<>()).add(new QueuedFault(tokensBefore, fault));
        return this;
    }

    synchronized List<ChatRequest> requests() { return List.copyOf(requests); }

    int maxInFlight() { return maxInFlight.get(); }

    /** The text this fake answers for a step given the messages sent. */
    static String answerFor(String questionId, int step, List<ChatMessage> messages) {
        return "q" + questionId + " s" + step + " ctx" + contextHash(messages) + " ANSWER=" + questionId.length();
    }

    static List<String> tokenTexts(String answer, int n) {
        List<String> t = new ArrayList<>(n);
        int chunk = Math.max(1, (answer.length() + n - 1) / n);
        for (int i = 0; i < n; i++) {
            int from = Math.min(answer.length(), i * chunk);
            int to = i == n - 1 ? answer.length() : Math.min(answer.length(), from + chunk);
            t.add(answer.substring(from, to));
        }
        return t;
    }

    @Override
    public ChatResult stream(ChatRequest request, TokenListener listener, CancellationToken cancel) throws ProviderException {
        synchronized (this) {
            requests.add(request);
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            try {
                hook.onCall(request);
            } catch (InterruptedException e) {
                throw new ProviderException(ProviderException.Kind.CANCELLED, "interrupted");
            }
            QueuedFault fault;
            synchronized (this) {
                Deque<QueuedFault> q = faults.get(request.questionId() + "#" + request.step());
                fault = q == null ? null : q.poll();
            }
            String answer = answerFor(request.questionId(), request.step(), request.messages());
            int n = tokensPerStep;
            List<String> texts = tokenTexts(answer, n);
            int m = alternatives.apply(request.questionId());
            MutableToken token = new MutableToken(m, logprobs);
            for (int i = 0; i < n; i++) {
                if (fault != null && i == fault.tokensBefore()) {
                    fault.fault().raise();
                }
                if (cancel.isCancelled()) {
                    throw new ProviderException(ProviderException.Kind.CANCELLED, label + ": cancelled");
                }
                pause(cancel);
                token.text = texts.get(i);
                token.channel = i == 0 ? Channel.REASONING : Channel.ANSWER;
                listener.onToken(token);
            }
            if (fault != null && fault.tokensBefore() >= n) {
                fault.fault().raise();
            }
            int completion = switch (usage) {
                case EXACT -> n;
                case NONE -> -1;
                case PLUS_FIVE -> n + 5;
            };
            return new ChatResult(answer, null, usage == UsageMode.NONE ? -1 : 42, completion, -1, "stop",
                    logprobs ? n : 0, null);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void pause(CancellationToken cancel) throws ProviderException {
        long d = perTokenDelayMillis;
        if (d <= 0) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.CANCELLED, label + ": interrupted");
        }
        if (cancel.isCancelled()) {
            throw new ProviderException(ProviderException.Kind.CANCELLED, label + ": cancelled");
        }
    }

    @Override
    public String describe() { return label; }

    private static String contextHash(List<ChatMessage> messages) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (ChatMessage m : messages) {
                d.update(m.role().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(m.content().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 1);
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One reused token whose top-k is uniform over m alternatives (entropy log2 m bits). */
    private static final class MutableToken implements TokenView {
        private final int m;
        private final boolean logprobs;
        private final double lp;
        String text;
        Channel channel;

        MutableToken(int m, boolean logprobs) {
            this.m = m;
            this.logprobs = logprobs;
            this.lp = -Math.log(m);
        }

        @Override public String text() { return text; }
        @Override public double logprob() { return logprobs ? lp : Double.NaN; }
        @Override public Channel channel() { return channel; }
        @Override public int topCount() { return logprobs ? m : 0; }
        @Override public String topToken(int i) { return "alt" + i; }
        @Override public double topLogprob(int i) { return lp; }
    }
}
