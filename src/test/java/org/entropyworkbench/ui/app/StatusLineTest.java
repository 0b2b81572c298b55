package org.entropyworkbench.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.entropyworkbench.ui.task.TaskExecutor.TaskProgress;
import org.junit.jupiter.api.Test;

/** The status bar's text: background work first, then a run or replay, then the last message. */
class StatusLineTest {

    private final StatusLine line = new StatusLine();

    @Test
    void aReplayInProgressIsShownWithItsCountsAndFraction() {
        line.message("Opened a.jsonl");
        line.run(new StatusLine.RunState("Replaying a.jsonl at 250 tokens/s per stream", "12 / 120 steps", 0.1, false));

        assertThat(line.text().get()).isEqualTo("Replaying a.jsonl at 250 tokens/s per stream: 12 / 120 steps");
        assertThat(line.progress().get()).isEqualTo(0.1);
    }

    @Test
    void aPausedRunSaysSo() {
        line.run(new StatusLine.RunState("Running x", "3 / 8 steps", 0.375, true));

        assertThat(line.text().get()).startsWith("Paused · Running x");
    }

    @Test
    void backgroundWorkComesFirstAndTheRunStaysVisible() {
        line.run(new StatusLine.RunState("Running x", "3 / 8 steps", 0.375, false));
        line.tasks(new TaskProgress(2, "Analysing b.jsonl", -1, ""));

        assertThat(line.text().get()).isEqualTo("Analysing b.jsonl (+1 more)  ·  Running x: 3 / 8 steps");
        assertThat(line.progress().get()).isEqualTo(-1);

        line.tasks(new TaskProgress(0, "", Double.NaN, ""));
        assertThat(line.text().get()).isEqualTo("Running x: 3 / 8 steps");
        assertThat(line.progress().get()).isEqualTo(0.375);
    }

    @Test
    void whenNothingRunsTheLastMessageIsShown() {
        assertThat(line.text().get()).isEqualTo(StatusLine.READY);
        line.run(new StatusLine.RunState("Running x", "1 / 8 steps", 0.125, false));
        line.message("Run finished");
        assertThat(line.text().get()).startsWith("Running x");

        line.run(null);
        assertThat(line.text().get()).isEqualTo("Run finished");
        assertThat(line.progress().get()).isZero();
    }
}
