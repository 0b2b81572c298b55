package org.entropyworkbench.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import org.entropyworkbench.core.analysis.AnalysisOptions;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.run.RunFile;
import org.entropyworkbench.core.run.RunFileReader;
import org.entropyworkbench.core.threshold.ThresholdMethod;

/**
 * Child-JVM main of the large-run benchmark: opens one run file the way the analysis view does
 * (RunFileReader SUMMARY + RunAnalysis + the top-k ablation) and prints one JSON line with the
 * times and the peak heap. Run with {@code -Xmx1g} the JVM itself proves the memory bound.
 *
 * <p>Peak heap is the sum of every heap pool's peak since the start of the measurement (an upper
 * bound: pools peak at different moments), plus the heap used right after, for comparison.
 */
public final class LargeRunProbe {

    private LargeRunProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long gc0 = gcCount();
        long t0 = System.nanoTime();
        RunFile run = RunFileReader.read(file, RunFileReader.Detail.SUMMARY);
        long t1 = System.nanoTime();
        RunAnalysis analysis = RunAnalysis.of(run, AnalysisOptions.defaults());
        double check = analysis.atMethod(ThresholdMethod.ENTROPY_MEAN).tokenSavings() + analysis.topKAblation().size();
        long t2 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long usedAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long records = 0;
        for (var s : run.steps()) {
            records += s.tokenRecordCount();
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"readMillis\":%.1f,\"analysisMillis\":%.1f,\"peakHeapBytes\":%d,\"heapUsedAfterBytes\":%d,"
                        + "\"maxHeapBytes\":%d,\"gcCount\":%d,\"questions\":%d,\"steps\":%d,\"tokenRecords\":%d,\"check\":%.6f}",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, peak, usedAfter, Runtime.getRuntime().maxMemory(), gcCount() - gc0,
                analysis.outcomes().size(), run.steps().size(), records, check));
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
