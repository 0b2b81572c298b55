package org.entropyworkbench.core.protocol;

/**
 * The fixed prompts of the protocol (method.md section 12, items 4 and 5). Editable by the user
 * and stored, as text and hash, in every run record.
 *
 * @param system  system message, may be empty
 * @param step1   step-1 user message template; {@code {question}} is replaced by the rendered question
 * @param refine  user message of steps 2..S (previous answers stay in context as earlier turns)
 */
public record PromptSet(String system, String step1, String refine) {
}
