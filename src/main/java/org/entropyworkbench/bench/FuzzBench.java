package org.entropyworkbench.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 4 item 6, second half: the seeded fuzz pass over the run-file, dataset and calibration
 * readers ({@link ReaderFuzz}, {@link FuzzTargets}); reports the outcome counts per reader.
 */
public final class FuzzBench implements BenchSection {

    static final String SECTION = "Fuzz (run-file, dataset and calibration readers)";
    static final long TIMEOUT_MILLIS = 10_000;

    @Override
    public String id() { return "fuzz"; }

    @Override
    public String title() { return SECTION; }

    @Override
    public void run(BenchContext context, BenchReport report) throws Exception {
        int cases = context.size(100, 1000);
        Path work = context.dataDir().resolve("fuzz");
        int total = 0;
        int failures = 0;
        for (ReaderFuzz.Target target : FuzzTargets.all(work)) {
            context.progress("fuzz", target.name() + ": " + cases + " cases");
            ReaderFuzz.Result r = ReaderFuzz.run(target, cases, 20261130L, TIMEOUT_MILLIS, work);
            total += r.cases();
            failures += r.failures();
            report.target(SECTION, target.name() + ": cases ending in a clear result", r.cases() - r.failures(), "cases",
                    null, Double.NaN, "all " + r.cases(), r.failures() == 0);
            report.note(SECTION, String.format(Locale.ROOT,
                    "%s: %d cases: loaded clean %d, loaded with reported problems %d, rejected with its own error naming the file %d, "
                            + "unclear error %d, timeout %d, out of memory %d.%s",
                    target.name(), r.cases(), r.count(ReaderFuzz.Outcome.LOADED_CLEAN), r.count(ReaderFuzz.Outcome.LOADED_WITH_PROBLEMS),
                    r.count(ReaderFuzz.Outcome.REJECTED_CLEARLY), r.count(ReaderFuzz.Outcome.UNCLEAR_ERROR),
                    r.count(ReaderFuzz.Outcome.TIMEOUT), r.count(ReaderFuzz.Outcome.OUT_OF_MEMORY),
                    r.examples().isEmpty() ? "" : " Examples: " + String.join("; ", r.examples())));
        }
        report.info(SECTION, "fuzz cases in total", total, "cases");
        report.note(SECTION, "Mutations in turn: truncation, byte flips, huge line (2-6 MB), deep nesting (2k-200k levels), "
                + "wrong value types, dropped/repeated line, binary garbage; seed 20261130; per-case timeout "
                + TIMEOUT_MILLIS / 1000 + " s.");
        if (failures > 0) {
            report.note(SECTION, failures + " cases did not end in a clear result (see the examples above).");
        }
    }
}
