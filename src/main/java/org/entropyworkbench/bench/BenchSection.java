package org.entropyworkbench.bench;

/** One part of {@code ./ew bench}: measures something and adds its figures to the report. */
public interface BenchSection {

    /** Id used by {@code --only}, e.g. "ingest". */
    String id();

    /** Heading in the report. */
    String title();

    /** Runs the measurement on the calling thread; throws only when it cannot run at all. */
    void run(BenchContext context, BenchReport report) throws Exception;
}
