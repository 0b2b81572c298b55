package org.entropyworkbench.core.protocol;

import org.entropyworkbench.core.dataset.AnswerKind;

/**
 * The default prompts of the protocol (method.md section 12, items 4, 5 and 7). The paper does not
 * publish its prompts; these are the project's own: step 1 asks for the question to be solved
 * ending with one final answer in the form the grader reads; steps 2..S ask the model to review its
 * previous reasoning, repair gaps or errors and state the final answer again in the same form.
 * There is no system message by default, since several reasoning models are tuned to work without one.
 * Stateless; any thread.
 */
public final class ProtocolPrompts {

    private ProtocolPrompts() {
    }

    public static PromptSet defaults(AnswerKind kind) {
        String finalAnswer = finalAnswerInstruction(kind);
        String step1 = "{question}\n\nSolve the problem and show your reasoning. " + finalAnswer;
        String refine = "Go back over your previous solution carefully. Check every step for gaps, unjustified"
                + " claims or mistakes, and correct whatever is wrong. Then give your final answer again. "
                + finalAnswer;
        return new PromptSet("", step1, refine);
    }

    private static String finalAnswerInstruction(AnswerKind kind) {
        return switch (kind) {
            case INTEGER -> "The answer is an integer from 0 to 999. End your response with exactly one final"
                    + " answer written as \\boxed{N}, where N is that integer.";
            case MULTIPLE_CHOICE -> "End your response with exactly one final answer on its own line, written as"
                    + " \"Answer: X\", where X is the letter of the correct option.";
            case FREE -> "End your response with exactly one final answer written as \\boxed{...}.";
        };
    }
}
