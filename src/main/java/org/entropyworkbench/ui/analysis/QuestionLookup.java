package org.entropyworkbench.ui.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.entropyworkbench.core.dataset.BuiltInDatasets;
import org.entropyworkbench.core.dataset.Dataset;
import org.entropyworkbench.core.dataset.DatasetException;
import org.entropyworkbench.core.dataset.Problem;
import org.entropyworkbench.core.run.RunHeader;

/**
 * Finds the text of a run's question: run files keep answers and entropies but not the questions,
 * so the text comes from the dataset the run names in its header, when that dataset is loaded in the
 * workspace (matched by file, then by name) or is a built-in one. Plain Java; FX thread (reads the
 * workspace list).
 */
final class QuestionLookup {

    /** A question's text, or why it cannot be shown. */
    record Found(Problem problem, String missing) {
    }

    private QuestionLookup() {
    }

    static Found find(RunHeader header, List<Dataset> loaded, String questionId) {
        if (header == null) {
            return new Found(null, "No run.");
        }
        Dataset dataset = matching(header, loaded);
        if (dataset != null) {
            Optional<Problem> p = dataset.problems().stream().filter(q -> q.id().equals(questionId)).findFirst();
            return p.map(problem -> new Found(problem, null)).orElseGet(() -> new Found(null,
                    "Dataset \"" + dataset.name() + "\" has no question " + questionId + "."));
        }
        if (header.simulated() && header.datasetPath() == null && !BuiltInDatasets.isBuiltIn(header.dataset())) {
            return new Found(null, "A simulated run without a dataset has no question text (its answers and"
                    + " entropies are made up).");
        }
        String where = header.datasetPath() == null ? "" : " (" + header.datasetPath() + ")";
        return new Found(null, "The run file does not hold the questions. It was made from dataset \""
                + header.dataset() + "\"" + where + ": load that on the Datasets screen to read the question here.");
    }

    private static Dataset matching(RunHeader header, List<Dataset> loaded) {
        if (header.datasetPath() != null) {
            for (Dataset d : loaded) {
                if (d.source() != null && samePath(d.source(), header.datasetPath())) {
                    return d;
                }
            }
        }
        for (Dataset d : loaded) {
            if (d.name().equals(header.dataset())) {
                return d;
            }
        }
        if (header.dataset() != null && BuiltInDatasets.isBuiltIn(header.dataset())) {
            try {
                return BuiltInDatasets.load(header.dataset());
            } catch (DatasetException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean samePath(Path source, String recorded) {
        try {
            return source.toAbsolutePath().normalize().equals(Path.of(recorded).toAbsolutePath().normalize());
        } catch (RuntimeException invalid) {
            return false;
        }
    }
}
