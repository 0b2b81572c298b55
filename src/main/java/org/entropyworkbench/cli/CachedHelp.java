package org.entropyworkbench.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Help texts rendered once per build (issue 12: {@code ew analyze --help} <= 0.15 s). Building picocli's
 * command model and rendering its help costs about 0.3 CPU-s per call, and picocli's Java 5 class files
 * cannot go into the class-data archive; so {@code ./ew}'s training step after a build ({@link CdsTraining})
 * renders the help of every command through the real command line, with and without ANSI styles, into
 * a folder named after the build, and {@code main} prints the stored text for {@code --help}/{@code -h}
 * lines without building any command model.
 *
 * <p>Never stale: the folder holds the identity (size and modification time) of the jar the texts were
 * rendered from; a text is used only when the running code comes from that very jar file, and only
 * when no picocli system property could change the rendering. Otherwise picocli renders as usual.
 * Main thread; any failure to read falls back to picocli.
 */
final class CachedHelp {

    /** System property naming the folder ({@code ./ew} sets it when the folder of this build exists). */
    static final String DIR_PROPERTY = "ewb.helpDir";

    private static final String IDENTITY_FILE = "identity";
    private static final String TOP = "_top";

    private CachedHelp() {
    }

    /**
     * The stored help for {@code args} when it is a help line ({@code --help}, {@code -h},
     * {@code CMD --help}, {@code CMD -h}), the folder is set and was made from the running jar; else null.
     */
    static String forArgs(String[] args) {
        String dir = System.getProperty(DIR_PROPERTY);
        String name = helpName(args);
        if (dir == null || name == null || System.getProperty("picocli.ansi") != null
                || System.getProperty("picocli.usage.width") != null) {
            return null;
        }
        String identity = runningJarIdentity();
        if (identity == null) {
            return null;
        }
        return read(Path.of(dir), identity, name, picocli.CommandLine.Help.Ansi.AUTO.enabled());
    }

    /** The stored text, or null when absent or made from another jar. */
    static String read(Path dir, String identity, String name, boolean ansi) {
        try {
            Path id = dir.resolve(IDENTITY_FILE);
            if (!Files.isRegularFile(id) || !Files.readString(id, StandardCharsets.UTF_8).equals(identity)) {
                return null;
            }
            Path text = dir.resolve(fileName(name, ansi));
            return Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Renders every command's help through {@link EntropyWorkbenchCli#execute}, styled and plain, into
     * {@code dir} (made afresh), with {@code identity} written last so a half-written folder is never used.
     */
    static void write(Path dir, String identity) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(IDENTITY_FILE));
        String before = System.getProperty("picocli.ansi");
        try {
            for (boolean ansi : new boolean[] {true, false}) {
                System.setProperty("picocli.ansi", String.valueOf(ansi));
                for (String name : names()) {
                    Files.writeString(dir.resolve(fileName(name, ansi)), render(name), StandardCharsets.UTF_8);
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", before);
            }
        }
        Files.writeString(dir.resolve(IDENTITY_FILE), identity, StandardCharsets.UTF_8);
    }

    /** What {@code ew [name] --help} prints to standard output, rendered by picocli now. */
    static String render(String name) {
        StringWriter out = new StringWriter();
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true);
        String[] line = name.equals(TOP) ? new String[] {"--help"} : new String[] {name, "--help"};
        EntropyWorkbenchCli.execute(new PrintWriter(out, true), discard, line);
        return out.toString();
    }

    /** The top level and every subcommand but {@code help}. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(TOP);
        for (String c : EntropyWorkbenchCli.subcommandNames()) {
            if (!c.equals("help")) {
                names.add(c);
            }
        }
        return names;
    }

    /**
     * The stored text's name for a help line, null for anything else. {@code CMD --help} gives {@code CMD} when it
     * looks like a command name; whether it is one of this build's commands is decided by the folder, which
     * holds a text for each of them and nothing else ({@link #write}): checking the command table here would
     * load every command class (issue 12).
     */
    static String helpName(String[] args) {
        if (args.length == 1 && isHelp(args[0])) {
            return TOP;
        }
        if (args.length == 2 && isHelp(args[1]) && looksLikeCommandName(args[0]) && !args[0].equals("help")) {
            return args[0];
        }
        return null;
    }

    /** Lower-case letters, digits and dashes, starting with a letter: never a path, never {@code _top}. */
    static boolean looksLikeCommandName(String arg) {
        if (arg.isEmpty() || arg.length() > 40 || arg.charAt(0) < 'a' || arg.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static String fileName(String name, boolean ansi) {
        return name + (ansi ? ".ansi" : ".plain") + ".txt";
    }

    /** Size and modification time of the jar this class was loaded from; null when not from a jar file. */
    static String runningJarIdentity() {
        try {
            CodeSource source = CachedHelp.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            return identityOf(jar);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** Size and modification time of a jar file; null for anything but a regular file. */
    static String identityOf(Path jar) throws IOException {
        BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            return null;
        }
        return jar.toAbsolutePath() + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis();
    }
}
