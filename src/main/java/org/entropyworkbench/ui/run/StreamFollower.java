package org.entropyworkbench.ui.run;

/**
 * Decides which stream the tinted text shows: it follows one stream until that step completes, then
 * the next stream that shows activity; when the user picks a question it follows that question's
 * streams only. Keeps the text from jumping between parallel streams on every token. Plain Java,
 * FX thread.
 */
final class StreamFollower {

    /** What to do with a batch's tokens. */
    enum Decision { IGNORE, APPEND, SWITCH_AND_APPEND }

    private String currentKey;
    private boolean currentDone = true;
    private String pinnedQuestion;

    /** Follow only this question's streams (null = follow whatever is active). */
    void pin(String questionId) {
        pinnedQuestion = questionId;
        if (questionId != null && currentKey != null && !currentKey.startsWith(questionId + "/")) {
            currentDone = true;
        }
    }

    String pinnedQuestion() { return pinnedQuestion; }

    /** The followed stream's key, or null. */
    String currentKey() { return currentKey; }

    Decision onBatch(TokenStreamBuffer.LiveTokenBatch b) {
        Decision d;
        if (b.key().equals(currentKey)) {
            d = b.restarted() ? Decision.SWITCH_AND_APPEND : Decision.APPEND;
        } else if (currentDone && (b.size() > 0 || b.started()) && (pinnedQuestion == null
                || pinnedQuestion.equals(b.questionId()))) {
            currentKey = b.key();
            currentDone = false;
            d = Decision.SWITCH_AND_APPEND;
        } else {
            d = Decision.IGNORE;
        }
        if (b.completed() != null && b.key().equals(currentKey)) {
            currentDone = true;
        }
        return d;
    }

    void reset() {
        currentKey = null;
        currentDone = true;
    }
}
