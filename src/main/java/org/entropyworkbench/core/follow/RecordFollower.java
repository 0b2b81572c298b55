package org.entropyworkbench.core.follow;

import java.io.IOException;
import java.nio.file.Path;
import org.entropyworkbench.core.run.RunFileTail;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.core.signal.SignalSettings;

/**
 * Follows one growing serve record: each {@link #poll()} reads what was appended ({@link RunFileTail})
 * into the {@link LiveTraffic} and returns the state at τ. A truncated or replaced file starts the
 * statistics over, with a note. Not thread-safe: one poller thread.
 */
public final class RecordFollower {

    /**
     * What the follower knows after a poll.
     *
     * @param header       the record's header, null until read
     * @param traffic      the statistics at τ
     * @param changed      true when this poll read anything (or reset)
     * @param problemLines lines that could not be read so far
     * @param lastProblem  the last such line's message, or null
     * @param note         this poll's note for the user (file missing, truncated, replaced), or null
     */
    public record State(RunHeader header, TrafficSnapshot traffic, boolean changed, long problemLines,
                        String lastProblem, String note) {
    }

    private final RunFileTail tail;
    private final LiveTraffic traffic;
    private final double tau;
    private RunHeader header;
    private long problemLines;
    private String lastProblem;

    /**
     * @param file     the record
     * @param signal   the calibration's signal
     * @param k        its top-k
     * @param tau      its τ in the signal's units
     */
    public RecordFollower(Path file, Signal signal, int k, double tau) {
        this.tail = new RunFileTail(file);
        this.traffic = new LiveTraffic(signal, k, SignalSettings.defaults());
        this.tau = tau;
    }

    public Path file() { return tail.file(); }

    /** Reads what was appended since the last poll. */
    public State poll() throws IOException {
        RunFileTail.Update u = tail.poll();
        if (u.reset()) {
            traffic.clear();
            header = null;
            problemLines = 0;
            lastProblem = null;
        }
        if (u.header() != null) {
            header = u.header();
        }
        traffic.add(u.steps());
        if (!u.problems().isEmpty()) {
            problemLines += u.problems().size();
            lastProblem = u.problems().get(u.problems().size() - 1).message();
        }
        boolean changed = u.reset() || u.header() != null || !u.steps().isEmpty() || !u.problems().isEmpty();
        return new State(header, traffic.snapshot(tau), changed, problemLines, lastProblem, u.note());
    }
}
