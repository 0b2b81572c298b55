package org.entropyworkbench.serve;

import java.util.ArrayList;
import java.util.List;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.protocol.ConversationBuilder;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.token.Channel;
import org.entropyworkbench.core.provider.ChatMessage;
import org.entropyworkbench.core.provider.ChatProvider;
import org.entropyworkbench.core.provider.ChatRequest;
import org.entropyworkbench.core.provider.ChatResult;
import org.entropyworkbench.core.provider.ProviderException;
import org.entropyworkbench.core.run.StepRecord;

/**
 * The paper's protocol for one client request (method.md section 2): step 1 on the client's own
 * messages with top-k logprobs, the {@link EntropyGate}'s decision on its tokens, and when it says
 * refine, steps 2..S with the calibration run's refine prompt built by {@link ConversationBuilder},
 * the same code a run uses. Every call goes through the workbench's own provider client.
 *
 * <p>Runs entirely on the calling (request) thread; one instance per request.
 */
final class GatedCompletion {

    /** Where the text of each step goes while it streams; called on the request thread. */
    interface Sink {
        /** A token of {@code step}; {@code finalStep} is true only for step S after a refine decision. */
        void onToken(int step, boolean finalStep, String text, Channel channel);

        /** Step 1 is done and the gate has decided on the signal's {@code value}. */
        default void onDecision(double value, EntropyGate.Decision decision) { }

        Sink NONE = (step, finalStep, text, channel) -> { };
    }

    /**
     * The finished protocol: every step's record and result, the gate signal's step-1 value, step 1's mean
     * entropy H (the same number when the signal is the default) and the decision.
     */
    record Outcome(List<StepRecord> records, List<ChatResult> results, double value, double h,
                   EntropyGate.Decision decision) {
        ChatResult last() {
            return results.get(results.size() - 1);
        }
    }

    private final ServeConfig config;
    private final ChatProvider provider;
    private final String model;

    GatedCompletion(ServeConfig config, ChatProvider provider, String model) {
        this.config = config;
        this.provider = provider;
        this.model = model;
    }

    /**
     * @throws ProviderException the first failing upstream call (nothing is retried: the client decides)
     */
    Outcome run(String requestId, List<ChatMessage> stepOne, int maxTokens, Sink sink, CancellationToken cancel)
            throws ProviderException {
        EntropyGate gate = config.gate();
        List<StepRecord> records = new ArrayList<>();
        List<ChatResult> results = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        double value = Double.NaN;
        double h = Double.NaN;
        EntropyGate.Decision decision = null;
        int lastStep = config.steps();
        for (int step = 1; step <= lastStep; step++) {
            List<ChatMessage> messages = step == 1 ? stepOne
                    : ConversationBuilder.refinement(stepOne, config.prompts(), answers);
            ChatRequest request = new ChatRequest(requestId, step, messages, model, config.temperature(), maxTokens,
                    gate.k(), config.upstream().reasoningEffort(), null);
            StepEntropyAccumulator entropy = new StepEntropyAccumulator();
            final int s = step;
            final boolean finalStep = step == lastStep;
            long startedAt = System.currentTimeMillis();
            long t0 = System.nanoTime();
            ChatResult result = provider.stream(request, token -> {
                entropy.onToken(token);
                sink.onToken(s, finalStep, token.text(), token.channel());
            }, cancel);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            StepRecord record = StepRecords.of(requestId, step, messages, model, config.upstream().describe(),
                    config.temperature(), maxTokens, gate.k(), result, entropy, config.recordText(), startedAt, millis);
            records.add(record);
            results.add(result);
            answers.add(result.text() == null ? "" : result.text());
            if (step == 1) {
                value = gate.signal(record);
                h = gate.meanEntropy(record);
                decision = gate.decide(value);
                sink.onDecision(value, decision);
                if (decision == EntropyGate.Decision.STOP) {
                    break;
                }
            }
        }
        return new Outcome(List.copyOf(records), List.copyOf(results), value, h, decision);
    }
}
