package org.entropyworkbench.core.follow;

import java.util.List;
import java.util.Map;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;

/** Hand-made serve-record lines (ungraded: no expected answer, {@code correct} null) for the follow tests. */
public final class ServeRecordLines {
    private ServeRecordLines() {
    }

    public static RunHeader header() {
        return new RunHeader(1, "serve-test", "2026-01-01T00:00:00Z", "test", "serve: tiny (gate)", "tiny",
                "llamacpp http://127.0.0.1:9/v1", "live traffic (ungraded)", null, "free", "gated", 2, 20, 0.0, 256,
                null, Map.of("refine", "Check again."), false, Map.of("source", "ew serve"),
                Map.of("tau", 0.5, "method", "custom", "k", 20));
    }

    /** One ungraded step of request {@code id} whose tokens all have entropy {@code h}. */
    public static StepRecord step(String id, int step, double h, int completionTokens) {
        double[] e = {h, h, h, h};
        return new StepRecord(id, step, "hash", "tiny", "llamacpp http://127.0.0.1:9/v1", 0.0, 256, 20, null, null,
                null, null, null, 5, completionTokens, "stop", null, null,
                Map.of(5, e, 10, e, 15, e, 20, e), null, null, List.of(), 0L, 1L);
    }
}
