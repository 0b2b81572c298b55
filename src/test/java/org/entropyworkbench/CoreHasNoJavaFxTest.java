package org.entropyworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core packages run headless (CLI, servers without a display): none of their sources may use
 * JavaFX, neither through an import nor through a fully qualified name in code.
 */
class CoreHasNoJavaFxTest {

    private static final Path CORE = Path.of("src", "main", "java", "org", "entropyworkbench", "core");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.");
    private static final Pattern QUALIFIED = Pattern.compile("\\bjavafx\\.[a-z]+\\.");

    @Test
    void noCoreSourceUsesJavaFx() throws IOException {
        assertThat(CORE).isDirectory();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(CORE)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                scanned++;
                offenders.addAll(violations(file, Files.readAllLines(file)));
            }
        }
        assertThat(scanned).as("java files scanned under " + CORE).isGreaterThan(10);
        assertThat(offenders).isEmpty();
    }

    @Test
    void detectsImportsAndQualifiedUseButNotComments() {
        Path f = Path.of("X.java");
        assertThat(violations(f, List.of("import javafx.scene.Node;"))).hasSize(1);
        assertThat(violations(f, List.of("import static javafx.application.Platform.runLater;"))).hasSize(1);
        assertThat(violations(f, List.of("    javafx.application.Platform.runLater(r);"))).hasSize(1);
        assertThat(violations(f, List.of("// core never touches javafx.scene classes", " * see javafx.scene.Node")))
                .isEmpty();
        assertThat(violations(f, List.of("import java.util.List;"))).isEmpty();
    }

    /** Lines of one file that import or name JavaFX in code (comment lines are skipped). */
    static List<String> violations(Path file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            boolean comment = trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*");
            if (IMPORT.matcher(line).find() || (!comment && QUALIFIED.matcher(line).find())) {
                found.add(file + " line " + (i + 1) + ": " + trimmed);
            }
        }
        return found;
    }
}
