package org.entropyworkbench.core.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveTrafficTest {

    @TempDir
    Path dir;

    @Test
    void countsStopsAtTauAndEstimatesAlwaysRefineFromTheRefinedRequests() {
        LiveTraffic traffic = new LiveTraffic(Signal.MEAN_ENTROPY, 20, SignalSettings.defaults());
        traffic.add(List.of(
                ServeRecordLines.step("a", 1, 0.2, 100),                                     // stopped
                ServeRecordLines.step("b", 1, 0.9, 120), ServeRecordLines.step("b", 2, 0.4, 300), // refined
                ServeRecordLines.step("c", 1, 0.5, 80)));                                    // stopped, at τ
        TrafficSnapshot s = traffic.snapshot(0.5);
        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.withSignal()).isEqualTo(3);
        assertThat(s.stops()).isEqualTo(2);
        assertThat(s.stopRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.refined()).isEqualTo(1);
        assertThat(s.tokensUsed()).isEqualTo(600);
        assertThat(s.meanRefineTokens()).isEqualTo(300.0);
        assertThat(s.alwaysRefineTokens()).isEqualTo(600 + 2 * 300.0);
        assertThat(s.tokensSaved()).isEqualTo(600.0);
        assertThat(s.scores()).containsExactly(0.2, 0.9, 0.5);
    }

    @Test
    void aRequestSplitOverPollsAndARepeatedLineCountOnce() {
        LiveTraffic traffic = new LiveTraffic(Signal.MEAN_ENTROPY, 20, SignalSettings.defaults());
        traffic.add(List.of(ServeRecordLines.step("b", 1, 0.9, 120)));
        assertThat(traffic.snapshot(0.5).refined()).isZero();
        assertThat(traffic.snapshot(0.5).tokensSaved()).isNaN();
        traffic.add(List.of(ServeRecordLines.step("b", 2, 0.4, 300), ServeRecordLines.step("b", 2, 0.4, 300)));
        TrafficSnapshot s = traffic.snapshot(0.5);
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.refined()).isEqualTo(1);
        assertThat(s.tokensUsed()).isEqualTo(420);
        assertThat(s.tokensSaved()).isEqualTo(0.0);
    }

    @Test
    void theFollowerReadsAGrowingRecordAndStartsOverAfterATruncation() throws Exception {
        Path file = dir.resolve("serve.jsonl");
        RecordFollower follower = new RecordFollower(file, Signal.MEAN_ENTROPY, 20, 0.5);
        try (RunFileWriter w = RunFileWriter.create(file, ServeRecordLines.header())) {
            w.append(ServeRecordLines.step("a", 1, 0.1, 10));
        }
        RecordFollower.State first = follower.poll();
        assertThat(first.header()).isNotNull();
        assertThat(first.traffic().requests()).isEqualTo(1);
        assertThat(first.traffic().stops()).isEqualTo(1);
        assertThat(follower.poll().changed()).isFalse();

        try (RunFileWriter w = RunFileWriter.openForAppend(file)) {
            w.append(ServeRecordLines.step("b", 1, 0.8, 10));
            w.append(ServeRecordLines.step("b", 2, 0.3, 50));
        }
        RecordFollower.State second = follower.poll();
        assertThat(second.changed()).isTrue();
        assertThat(second.traffic().requests()).isEqualTo(2);
        assertThat(second.traffic().stopRate()).isEqualTo(0.5);

        Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        try (RunFileWriter w = RunFileWriter.create(dir.resolve("x.jsonl"), ServeRecordLines.header())) {
            w.append(ServeRecordLines.step("c", 1, 0.9, 10));
        }
        Files.write(file, Files.readAllBytes(dir.resolve("x.jsonl")), StandardOpenOption.APPEND);
        RecordFollower.State third = follower.poll();
        assertThat(third.note()).contains("from the start");
        assertThat(third.traffic().requests()).isEqualTo(1);
        assertThat(third.traffic().stops()).isZero();
    }

    @Test
    void theAnalysisOfAGatedRecordChargesStoppedQuestionsTheMeanRefinementCost() {
        List<org.entropyworkbench.core.run.StepRecord> steps = List.of(
                ServeRecordLines.step("a", 1, 0.2, 100),                                          // stopped by the gate
                ServeRecordLines.step("b", 1, 0.9, 100), ServeRecordLines.step("b", 2, 0.4, 300), // refined
                ServeRecordLines.step("c", 1, 1.1, 100), ServeRecordLines.step("c", 2, 0.4, 100)); // refined
        org.entropyworkbench.core.run.RunFile run = new org.entropyworkbench.core.run.RunFile(Path.of("r.jsonl"),
                ServeRecordLines.header(), steps, List.of(), false);
        org.entropyworkbench.core.analysis.RunAnalysis a = org.entropyworkbench.core.analysis.RunAnalysis.of(run,
                org.entropyworkbench.core.analysis.AnalysisOptions.defaults());
        UngradedSavings u = UngradedSavings.of(a, 0.5);
        // always refining: 300 step-1 tokens + refinements 300 (b) + 100 (c) + 200 (a's estimate, their mean) = 900
        assertThat(u.questions()).isEqualTo(3);
        assertThat(u.stopped()).isEqualTo(1);
        assertThat(u.estimated()).isEqualTo(1);
        assertThat(u.tokenSavings()).isCloseTo(1 - (100 + 400 + 200) / 900.0, within(1e-12));
        assertThat(u.callSavings()).isCloseTo(1 / 3.0 * 1 / 2.0, within(1e-12));
        assertThat(UngradedSavings.of(a, 2.0).tokenSavings()).isCloseTo(600 / 900.0, within(1e-12));
    }
}
