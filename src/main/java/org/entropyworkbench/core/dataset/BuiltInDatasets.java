package org.entropyworkbench.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The datasets shipped inside the jar under {@code /assets/datasets/}: small sets of original
 * problems written for this project (no benchmark text), for demos, tests and trying a server.
 * Stateless; any thread (reads the classpath).
 */
public final class BuiltInDatasets {

    /** Twelve AIME-style problems with integer answers 0..999. */
    public static final String MINI = "builtin-mini";
    /** Six four-option multiple-choice science questions. */
    public static final String MULTIPLE_CHOICE = "builtin-mc";

    private static final List<String> NAMES = List.of(MINI, MULTIPLE_CHOICE);
    private static final String PREFIX = "builtin-";

    private BuiltInDatasets() {
    }

    /** Names of the built-in datasets, for {@link #load(String)}. */
    public static List<String> list() {
        return NAMES;
    }

    /** True when {@code name} is a built-in dataset's name, or its short form without "builtin-". */
    public static boolean isBuiltIn(String name) {
        return NAMES.contains(fullName(name));
    }

    /** The full name for a short form ("mini" becomes "builtin-mini"); other names are returned as given. */
    static String fullName(String name) {
        return name != null && !name.startsWith(PREFIX) && NAMES.contains(PREFIX + name) ? PREFIX + name : name;
    }

    /**
     * @param requested a full name from {@link #list()} or its short form ("mini", "mc")
     * @throws DatasetException when the name is unknown or the resource is missing from the jar
     */
    public static Dataset load(String requested) throws DatasetException {
        String name = fullName(requested);
        if (!NAMES.contains(name)) {
            throw new DatasetException("unknown built-in dataset \"" + requested + "\" (built-in: "
                    + String.join(", ", NAMES) + ")");
        }
        String fileName = name + ".jsonl";
        String resource = "/assets/datasets/" + fileName;
        try (InputStream in = BuiltInDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatasetException(resource + ": missing from the classpath");
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return DatasetLoader.fromText(fileName, name, null, content, null);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(resource + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
