package org.entropyworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.entropyworkbench.core.provider.CancellationToken;
import org.entropyworkbench.core.provider.CapabilityProbe;
import org.entropyworkbench.core.provider.EndpointSettings;
import org.entropyworkbench.core.provider.ProbeReport;
import org.entropyworkbench.core.provider.ServerPreset;

/**
 * The capability probe of {@code ew run} (issue 3, "a capability probe at connect time"): one short
 * streaming request per endpoint before the first question, its verdict printed on stderr (inside
 * the one-line failure message when the endpoint cannot be used). A run
 * is refused before anything is written when an endpoint is unreachable, sends no logprobs, or
 * accepts fewer alternatives than {@code --k} (unless {@code --k-auto} allows lowering k to the
 * smallest limit found). Runs on the calling thread; each probe blocks for one short request.
 */
final class EndpointProbes {

    private final Function<EndpointSettings, ProbeReport> probe;
    private final PrintWriter err;
    private final List<ProbeReport> reports = new ArrayList<>();

    /** Probes with {@link CapabilityProbe}, reporting on {@code err}. */
    EndpointProbes(PrintWriter err) {
        this(settings -> new CapabilityProbe(settings).run(CancellationToken.none()), err);
    }

    EndpointProbes(Function<EndpointSettings, ProbeReport> probe, PrintWriter err) {
        this.probe = probe;
        this.err = err;
    }

    /**
     * Probes every endpoint once and returns the top-k the run can use: {@code requestedK}, or with
     * {@code lowerK} the smallest limit an endpoint reported when that is below it.
     *
     * @throws CliErrors.CliFailure naming the endpoint and the model when the run cannot work there
     */
    int check(List<EndpointSettings> endpoints, int requestedK, boolean lowerK) {
        int usableK = requestedK;
        for (EndpointSettings settings : endpoints) {
            ProbeReport report = probe.apply(settings);
            reports.add(report);
            String where = settings.describe() + " (model " + settings.model() + ")";
            String verdict = report.verdict()
                    + (report.serverVersion() == null ? "" : " [server version " + report.serverVersion() + "]");
            if (!report.reachable() || !report.logprobsReturned()) {
                throw new CliErrors.CliFailure("cannot use " + where + ": " + verdict + " Nothing was run.");
            }
            err.println("probe " + where + ": " + verdict);
            if (settings.preset() == ServerPreset.CUSTOM && report.serverSlots() > 0) {
                err.println("note: " + settings.describe() + " looks like llama.cpp (it reports its slots): --preset"
                        + " llamacpp leaves out of each step's count the end-of-sequence token it counts but never streams");
            }
            err.flush();
            if (report.maxTopK() < requestedK) {
                if (!lowerK) {
                    throw new CliErrors.CliFailure(where + " accepts at most " + report.maxTopK()
                            + " top logprobs but --k is " + requestedK + "; pass --k " + report.maxTopK()
                            + " (or --k-auto to lower k to what every endpoint accepts); nothing was run");
                }
                usableK = Math.min(usableK, report.maxTopK());
            }
        }
        if (usableK < requestedK) {
            err.println("warning: --k-auto lowered k from " + requestedK + " to " + usableK
                    + " (the largest top-k every endpoint accepts); the run records k = " + usableK);
            err.flush();
        }
        return usableK;
    }

    /**
     * The concurrency for the i-th endpoint probed: the server's slot count when it tells one and the
     * user gave no --concurrency (said on stderr), else {@code requested}.
     */
    int concurrency(int i, EndpointSettings settings, int requested, boolean userChose) {
        ProbeReport report = i < reports.size() ? reports.get(i) : null;
        if (report == null || report.serverSlots() < 1) {
            return requested;
        }
        int slots = report.serverSlots();
        if (userChose) {
            if (slots != requested) {
                err.println("note: " + settings.describe() + " has " + slots + " parallel slots; --concurrency "
                        + requested + " keeps " + Math.min(slots, requested) + " of them busy");
            }
            return requested;
        }
        err.println("concurrency " + slots + " for " + settings.describe() + ": the server has " + slots
                + " parallel slots (--concurrency N chooses another)");
        err.flush();
        return slots;
    }

    /**
     * The server version the probes read, for the run header ({@code generator.serverVersion}, carried into a
     * calibration's provenance): the one version when every probed endpoint that told one told the same, else
     * null (none told, or replicas differ).
     */
    String serverVersion() {
        java.util.Set<String> versions = new java.util.LinkedHashSet<>();
        for (ProbeReport r : reports) {
            if (r.serverVersion() != null && !r.serverVersion().isBlank()) {
                versions.add(r.serverVersion());
            }
        }
        return versions.size() == 1 ? versions.iterator().next() : null;
    }
}
