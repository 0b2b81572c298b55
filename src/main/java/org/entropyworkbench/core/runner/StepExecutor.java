package org.entropyworkbench.core.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.grading.Grade;
import org.entropyworkbench.core.protocol.PreparedQuestion;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.run.StepRecord;

/**
 * Runs one question-step on one endpoint until it yields a complete record: waits while paused
 * and for the endpoint's rate limit, streams the call (every token to the entropy accumulator
 * and to the listener), retries retryable failures with backoff, restarts broken streams from
 * scratch, and turns fatal outcomes into a {@link RunFailedException}. Used by the worker
 * threads concurrently; holds no per-call state.
 */
final class StepExecutor {

    private final RunConfig config;
    private final RunControl control;
    private final RunListener listener;
    private final RunCounters counters;
    private final ScheduledExecutorService timeouts;
    private final ThreadLocal<SplittableRandom> jitter;

    StepExecutor(RunConfig config, RunControl control, RunListener listener, RunCounters counters,
                 ScheduledExecutorService timeouts, long jitterSeed) {
        this.config = config;
        this.control = control;
        this.listener = listener;
        this.counters = counters;
        this.timeouts = timeouts;
        SplittableRandom root = new SplittableRandom(jitterSeed);
        this.jitter = ThreadLocal.withInitial(() -> {
            synchronized (root) {
                return root.split();
            }
        });
    }

    /**
     * @return the finished step's record, or null when the run stopped (cancel or another
     *         worker's failure) before this step completed
     */
    StepRecord execute(WorkerSlot slot, PreparedQuestion question, int step, List<ChatMessage> messages,
                       String promptHash) throws RunFailedException, InterruptedException {
        String qid = question.problem().id();
        Endpoint endpoint = slot.endpoint();
        ChatRequest request = new ChatRequest(qid, step, messages, config.model(), config.temperature(),
                config.maxTokensPerStep(), config.topK(), config.reasoningEffort(), null);
        boolean restarted = false;
        int attempt = 0;
        while (true) {
            if (!control.awaitRunnable() || !slot.rateLimiter().acquire(control)) {
                return null;
            }
            attempt++;
            StepEntropyAccumulator entropy = new StepEntropyAccumulator();
            List<StepRecord.TopLogprobs> top = config.recordTopLogprobs() ? new ArrayList<>() : null;
            CancellationToken call = new CancellationToken();
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> watchdog = scheduleTimeout(call, timedOut);
            control.register(call);
            listener.onStepStarted(qid, step);
            long startedAt = control.clock().epochMillis();
            long t0 = control.clock().nanoTime();
            ChatResult result;
            try {
                result = endpoint.provider().stream(request, tokenSink(qid, step, entropy, top), call);
            } catch (ProviderException e) {
                if (control.isStopped()) {
                    return null;
                }
                ProviderException.Kind kind = timedOut.get() ? ProviderException.Kind.RETRYABLE : e.kind();
                String why = timedOut.get()
                        ? "no complete answer after " + config.retryPolicy().callTimeoutMillis() / 1000 + " s"
                        : e.getMessage();
                handleFailure(kind, e, why, endpoint, qid, step, attempt);
                restarted |= kind == ProviderException.Kind.STREAM_BROKEN || timedOut.get();
                continue;
            } catch (RuntimeException e) {
                if (control.isStopped()) {
                    return null;
                }
                throw new RunFailedException("the client for " + endpoint.label() + " failed on question " + qid
                        + " step " + step + ": " + e, e);
            } finally {
                control.unregister(call);
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
            }
            long durationMillis = (control.clock().nanoTime() - t0) / 1_000_000;
            if (result.tokensWithLogprobs() == 0) {
                throw noLogprobs(endpoint, "the stream for question " + qid + " step " + step
                        + " carried " + entropy.size() + " tokens and none had logprobs");
            }
            return assemble(question, step, promptHash, endpoint, result, entropy, top, restarted,
                    startedAt, durationMillis);
        }
    }

    /** Gives up (throws) or waits the backoff so the caller can start the step again from scratch. */
    private void handleFailure(ProviderException.Kind kind, ProviderException e, String why, Endpoint endpoint,
                                  String qid, int step, int attempt) throws RunFailedException, InterruptedException {
        RetryPolicy policy = config.retryPolicy();
        String where = endpoint.label() + " (model " + config.model() + "), question " + qid + " step " + step;
        switch (kind) {
            case NO_LOGPROBS:
                throw noLogprobs(endpoint, why);
            case FATAL:
            case CANCELLED:
                throw new RunFailedException("call failed on " + where + ": " + why, e);
            case RETRYABLE:
            case STREAM_BROKEN:
            default:
                break;
        }
        if (attempt >= policy.maxAttempts()) {
            throw new RunFailedException("gave up on " + where + " after " + attempt + " attempts; last error: " + why, e);
        }
        long retryAfter = kind == ProviderException.Kind.STREAM_BROKEN ? -1 : e.retryAfterMillis();
        if (policy.retryAfterTooLong(retryAfter)) {
            throw new RunFailedException(endpoint.label() + " asked to wait " + retryAfter / 1000
                    + " s before retrying (more than " + policy.maxRetryAfterMillis() / 1000 + " s); stopped at "
                    + where + ". Completed steps are saved: run again later to resume.", e);
        }
        counters.retried();
        long delay = policy.delayMillis(attempt, retryAfter, jitter.get());
        String verb = kind == ProviderException.Kind.STREAM_BROKEN ? "stream broke" : "call failed";
        listener.onWarning(verb + " on " + where + " (attempt " + attempt + " of " + policy.maxAttempts() + "): "
                + why + "; retrying in " + delay + " ms");
        listener.onStepRestarted(qid, step, why);
        control.sleep(delay);
    }

    private RunFailedException noLogprobs(Endpoint endpoint, String detail) {
        return new RunFailedException("server returned no logprobs: " + endpoint.label() + " with model "
                + config.model() + " (" + detail + "). Entropy needs top-k logprobs: use a server or model"
                + " that returns them (see the probe).");
    }

    private ScheduledFuture<?> scheduleTimeout(CancellationToken call, AtomicBoolean timedOut) {
        long limit = config.retryPolicy().callTimeoutMillis();
        if (limit <= 0) {
            return null;
        }
        return timeouts.schedule(() -> {
            timedOut.set(true);
            call.cancel();
        }, limit, TimeUnit.MILLISECONDS);
    }

    private TokenListener tokenSink(String qid, int step, StepEntropyAccumulator entropy,
                                    List<StepRecord.TopLogprobs> top) {
        return token -> {
            entropy.onToken(token);
            if (top != null) {
                int c = token.topCount();
                List<String> texts = new ArrayList<>(c);
                double[] lps = new double[c];
                for (int i = 0; i < c; i++) {
                    texts.add(token.topToken(i));
                    lps[i] = token.topLogprob(i);
                }
                top.add(new StepRecord.TopLogprobs(texts, lps));
            }
            listener.onToken(qid, step, token.text(), entropy.lastEntropy(), token.channel());
        };
    }

    private StepRecord assemble(PreparedQuestion question, int step, String promptHash, Endpoint endpoint,
                                ChatResult result, StepEntropyAccumulator entropy, List<StepRecord.TopLogprobs> top,
                                boolean restarted, long startedAt, long durationMillis) {
        String text = result.text() == null ? "" : result.text();
        Grade grade = config.grader().grade(question, step, text);
        String channels = entropy.channels();
        List<String> flags = StepIntegrity.flags(result.completionTokens(), channels, entropy.missingLogprobs(),
                result.finishReason(), restarted, config.carriedFlags().apply(question.problem().id(), step));
        return new StepRecord(
                question.problem().id(),
                step,
                promptHash,
                config.model(),
                endpoint.label(),
                config.temperature(),
                config.maxTokensPerStep(),
                config.topK(),
                text,
                result.reasoningText(),
                grade.extracted(),
                question.expectedAnswer(),
                grade.correct(),
                result.promptTokens() < 0 ? -1 : result.promptTokens(),
                StepIntegrity.completionTokens(result.completionTokens(), entropy.size()),
                result.finishReason(),
                entropy.tokens(),
                channels,
                entropy.entropyByK(),
                entropy.tailMass(),
                top,
                flags,
                startedAt,
                durationMillis);
    }
}
