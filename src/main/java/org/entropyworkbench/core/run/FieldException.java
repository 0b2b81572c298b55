package org.entropyworkbench.core.run;

/**
 * A well-formed JSON line whose field has the wrong shape. Thrown by the codecs; the reader adds
 * file and line and turns it into a {@link RunFile.LineProblem}. Not a checked exception because it
 * never leaves this package's parsing code.
 */
final class FieldException extends RuntimeException {

    private final String field;

    FieldException(String field, String problem) {
        super(problem, null, false, false);
        this.field = field;
    }

    /** JSON path of the field, e.g. {@code entropy.20}; null when the problem is the line as a whole. */
    String field() { return field; }

    /** {@code field "entropy.20": expected an array of numbers}. */
    String describe() {
        if (field == null) {
            return getMessage();
        }
        return "field \"" + field + "\": " + getMessage();
    }
}
