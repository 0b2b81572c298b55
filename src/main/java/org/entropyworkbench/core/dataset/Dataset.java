package org.entropyworkbench.core.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded set of problems.
 *
 * @param name     display name (file name without extension, or the built-in name)
 * @param source   the file it came from, or null for the built-in dataset
 * @param kind     how its answers are graded
 * @param problems the usable rows, never empty
 * @param warnings rows that were skipped, each naming file, line and field
 */
public record Dataset(String name, Path source, AnswerKind kind, List<Problem> problems, List<String> warnings) {
    public Dataset {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
