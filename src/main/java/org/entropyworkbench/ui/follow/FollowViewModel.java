package org.entropyworkbench.ui.follow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.entropyworkbench.core.calibration.CalibrationFile;
import org.entropyworkbench.core.calibration.CalibrationFileReader;
import org.entropyworkbench.core.follow.RecordFollower;
import org.entropyworkbench.core.follow.TrafficSnapshot;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.signal.Signal;
import org.entropyworkbench.ui.common.Formats;
import org.entropyworkbench.ui.task.TaskExecutor;
import org.entropyworkbench.ui.workspace.Workspace;

/**
 * The Follow screen's state: a serve record ({@code ew serve --record}) read while it grows, against the
 * calibration it serves with (the workspace's calibration, or the one the record's header names). Each
 * {@link #poll()} reads the appended lines on the task executor's pool and hands one batch back on the FX
 * thread; the view calls it on a timer (twice a second), never more than one poll at a time. Every
 * property is read and written on the FX thread.
 */
public final class FollowViewModel {

    /** How often the view polls, in milliseconds. */
    public static final int POLL_MILLIS = 500;

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper recordText = new ReadOnlyStringWrapper("No serve record followed.");
    private final ReadOnlyStringWrapper gateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requests = new ReadOnlyStringWrapper(Formats.MISSING);
    private final ReadOnlyStringWrapper stopRate = new ReadOnlyStringWrapper(Formats.MISSING);
    private final ReadOnlyStringWrapper expectedStopRate = new ReadOnlyStringWrapper(Formats.MISSING);
    private final ReadOnlyStringWrapper tokens = new ReadOnlyStringWrapper(Formats.MISSING);
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper(Formats.MISSING);
    private final ReadOnlyStringWrapper savingsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<TrafficSnapshot> traffic = new ReadOnlyObjectWrapper<>(TrafficSnapshot.EMPTY);
    private RecordFollower follower;
    private CalibrationFile gateCalibration;
    private boolean pollInFlight;
    private long polls;

    public FollowViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
        workspace.calibration().addListener((obs, old, now) -> {
            Path waiting = pendingRecord != null ? pendingRecord : follower == null ? null : follower.file();
            if (waiting != null && now != null && now != gateCalibration) {
                follow(waiting);
            }
        });
    }

    /** The calibration the view draws against: the workspace's (choosing another replaces it there too). */
    public ObjectProperty<CalibrationFile> calibration() { return workspace.calibration(); }

    /**
     * Starts following {@code record} from its first line. Needs a calibration with a τ: the workspace's, or
     * the file the record's header names (read once); without one the screen says so and waits.
     */
    public void follow(Path record) {
        follower = null;
        pendingRecord = null;
        traffic.set(TrafficSnapshot.EMPTY);
        recordText.set("Following " + record.toAbsolutePath());
        following.set(true);
        clearFigures();
        CalibrationFile cal = workspace.calibration().get();
        if (cal != null) {
            start(record, cal);
            return;
        }
        pendingRecord = record;
        gateText.set("");
        message.set("Reading the calibration " + record.getFileName() + " names…");
        executor.submit("Reading " + record.getFileName(), progress -> Optional.ofNullable(calibrationNamedBy(record)),
                named -> {
                    if (pendingRecord != record) {
                        return;
                    }
                    if (named.isPresent()) {
                        gateCalibration = named.get();
                        workspace.calibration().set(named.get());
                        start(record, named.get());
                    } else {
                        message.set("Choose the calibration this proxy serves with (Calibration… above): the view"
                                + " draws the traffic against its classes and its τ.");
                    }
                }, error -> message.set("Cannot read " + record.getFileName() + ": " + error.getMessage()));
    }

    /** Follows {@code record} against {@code cal} from the file's first line. */
    private void start(Path record, CalibrationFile cal) {
        pendingRecord = null;
        gateCalibration = cal;
        Signal signal;
        try {
            signal = cal.gateSignal();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        double tau = cal.chosenTau();
        gateText.set(describeGate(cal, signal));
        message.set(Double.isNaN(tau) ? "The calibration names no chosen τ: requests are counted, nothing is shown as"
                + " stopped." : "");
        follower = new RecordFollower(record, signal, cal.k(), tau);
        expectedStopRate.set(expected(cal, signal, tau));
        poll();
    }

    private Path pendingRecord;

    /** Makes {@code cal} the workspace's calibration; a followed (or waiting) record starts over against it. */
    public void calibrationChosen(CalibrationFile cal) {
        workspace.calibration().set(cal);
    }

    /** Stops following (the file is left alone). */
    public void stop() {
        follower = null;
        pendingRecord = null;
        following.set(false);
        recordText.set(recordText.get().replace("Following ", "Stopped following "));
    }

    /** Reads what was appended, off the FX thread; a poll while one is running is skipped. */
    public void poll() {
        RecordFollower f = follower;
        if (f == null || pollInFlight) {
            return;
        }
        pollInFlight = true;
        executor.submit("", progress -> f.poll(), state -> {
            pollInFlight = false;
            if (f == follower) {
                apply(state);
            }
        }, error -> {
            pollInFlight = false;
            if (f == follower) {
                message.set("Cannot read " + f.file().getFileName() + ": " + error.getMessage());
            }
        });
    }

    /** Polls done so far that changed something (tests wait on it). */
    public long polls() { return polls; }

    private void apply(RecordFollower.State s) {
        if (s.note() != null) {
            message.set(s.note());
        }
        if (!s.changed()) {
            return;
        }
        polls++;
        TrafficSnapshot t = s.traffic();
        traffic.set(t);
        requests.set(String.format(Locale.ROOT, "%,d", t.requests())
                + (t.withSignal() < t.requests() ? " (" + (t.requests() - t.withSignal()) + " without a signal)" : ""));
        stopRate.set(Double.isNaN(t.stopRate()) ? Formats.MISSING
                : Formats.percent(t.stopRate()) + " (" + t.stops() + " of " + t.withSignal() + ")");
        tokens.set(String.format(Locale.ROOT, "%,d", t.tokensUsed()));
        if (Double.isNaN(t.tokensSaved())) {
            saved.set(Formats.MISSING);
            savingsNote.set("Tokens saved: no request has been refined yet, so there is nothing to estimate the"
                    + " refinement steps' cost from" + (isObserve(s.header()) ? " (an --observe record never refines)" : "")
                    + ".");
        } else {
            saved.set(String.format(Locale.ROOT, "%,.0f (%s)", t.tokensSaved(), Formats.percent(t.savedFraction())));
            savingsNote.set(String.format(Locale.ROOT, "Tokens saved is an estimate: every request without recorded"
                    + " refinement steps is charged the mean refinement cost of the %d refined request(s), %,.0f tokens,"
                    + " as always refining would have spent it.", t.refined(), t.meanRefineTokens()));
        }
        if (s.problemLines() > 0) {
            message.set(s.problemLines() + " line(s) could not be read (last: " + s.lastProblem() + "); every other"
                    + " line is counted.");
        } else if (s.header() != null && s.note() == null && message.get().startsWith(follower.file().getFileName().toString())) {
            message.set("");
        }
        if (s.header() != null) {
            String headerNote = headerMismatch(s.header());
            if (headerNote != null) {
                message.set(headerNote);
            }
        }
    }

    private static boolean isObserve(RunHeader h) {
        return h != null && "observe".equals(String.valueOf(h.generator().get("serveMode")));
    }

    /** A record whose gate τ differs from the calibration's is shown against the calibration, with a note. */
    private String headerMismatch(RunHeader h) {
        Object tau = h.calibration().get("tau");
        if (gateCalibration == null || !(tau instanceof Number n) || Double.isNaN(gateCalibration.chosenTau())) {
            return null;
        }
        if (Math.abs(n.doubleValue() - gateCalibration.chosenTau()) > 1e-9) {
            return String.format(Locale.ROOT, "The record's proxy gates at τ %.4f, the chosen calibration at τ %.4f:"
                    + " the stop rate here is at the calibration's τ.", n.doubleValue(), gateCalibration.chosenTau());
        }
        return null;
    }

    private void clearFigures() {
        requests.set(Formats.MISSING);
        stopRate.set(Formats.MISSING);
        expectedStopRate.set(Formats.MISSING);
        tokens.set(Formats.MISSING);
        saved.set(Formats.MISSING);
        savingsNote.set("");
        polls = 0;
    }

    /** The calibration the record's header names ({@code calibration.file}), or null when none can be read. */
    private static CalibrationFile calibrationNamedBy(Path record) {
        try {
            RunHeader h = org.entropyworkbench.core.run.RunFileReader.readHeader(record);
            Object file = h.calibration().get("file");
            if (file instanceof String name && Files.isRegularFile(Path.of(name))) {
                return CalibrationFileReader.read(Path.of(name));
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    static String describeGate(CalibrationFile cal, Signal signal) {
        String rule = cal.chosen() == null ? "no rule chosen" : cal.chosen().id();
        return String.format(Locale.ROOT, "Gate: %s · stop when %s %s %s (%s) · k %d · model %s", signal.label(),
                signal == Signal.DEFAULT ? "H" : "the value", signal.direction().stopComparison(), Double.isNaN(cal.chosenTau()) ? Formats.MISSING
                        : Formats.number(cal.chosenTau(), 4) + " " + signal.unit(), rule, cal.k(), cal.model());
    }

    private static String expected(CalibrationFile cal, Signal signal, double tau) {
        if (cal.classDistribution() == null) {
            return "calibration has no class distribution";
        }
        double rate = cal.classDistribution().expectedStopRate(tau, signal.direction());
        return Double.isNaN(rate) ? Formats.MISSING : Formats.percent(rate) + " of "
                + cal.classDistribution().size() + " calibration questions";
    }

    public ReadOnlyStringProperty recordText() { return recordText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty gateText() { return gateText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty requests() { return requests.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stopRate() { return stopRate.getReadOnlyProperty(); }

    public ReadOnlyStringProperty expectedStopRate() { return expectedStopRate.getReadOnlyProperty(); }

    public ReadOnlyStringProperty tokens() { return tokens.getReadOnlyProperty(); }

    public ReadOnlyStringProperty saved() { return saved.getReadOnlyProperty(); }

    public ReadOnlyStringProperty savingsNote() { return savingsNote.getReadOnlyProperty(); }

    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty following() { return following.getReadOnlyProperty(); }

    /** The latest statistics (the chart draws their scores). */
    public ReadOnlyObjectProperty<TrafficSnapshot> traffic() { return traffic.getReadOnlyProperty(); }

    /** The calibration the current follow draws against, or null. */
    public CalibrationFile gateCalibration() { return gateCalibration; }
}
