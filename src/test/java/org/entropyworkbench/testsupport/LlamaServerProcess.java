package org.entropyworkbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One real llama.cpp server started by {@code ../shared/llama-server/start.sh} (the project's sibling
 * folder {@code shared}, resolved from the project root so a clone anywhere finds its own), stopped by
 * the PID the script prints. Every server started is also stopped by a JVM shutdown hook, so a test
 * run that dies half-way leaves no server behind. The server logs to its own temporary file
 * ({@link #log()}), which tests read to count the requests it processed. Shared by the CLI's and
 * serve's integration tests; used from the test thread.
 */
public final class LlamaServerProcess implements AutoCloseable {

    /** One thread: the tiny model needs no more, and the machine's other core stays with the JVM under test. */
    public static final String THREADS = "1";

    private static final Set<Long> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(pid ->
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)), "llama-server-cleanup"));
    }

    private final Path script;
    private final List<String> extraArgs;
    private final int port;
    private final Path log;
    private long pid = -1;

    private LlamaServerProcess(Path script, int port, List<String> extraArgs) throws IOException {
        this.script = script;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        this.log = Files.createTempFile("llama-server-" + port + "-", ".log");
    }

    /** {@code ../shared/llama-server/start.sh} beside the project root, or empty where there is none. */
    public static Optional<Path> startScript() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path script = Path.of(base).toAbsolutePath().resolve("../shared/llama-server/start.sh").normalize();
        return Files.isRegularFile(script) ? Optional.of(script) : Optional.empty();
    }

    /** Starts a server on a free port (fixed for its life, so {@link #restart()} comes back on the same one). */
    public static LlamaServerProcess start(Path script, String... extraArgs) throws IOException, InterruptedException {
        LlamaServerProcess server = new LlamaServerProcess(script, freePort(), List.of(extraArgs));
        server.launch();
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    public int port() {
        return port;
    }

    /** The server's log file (kept across {@link #restart()}: start.sh appends). */
    public Path log() {
        return log;
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        stop(true);
    }

    /** Starts the server again on the same port. */
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop(false);
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("THREADS", THREADS);
        pb.environment().put("LOG", log.toString());
        Process p = pb.start();
        if (!p.waitFor(70, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not print \"PORT PID\" within 70 s");
        }
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String[] parts = line.split("\\s+");
        if (p.exitValue() != 0 || parts.length != 2) {
            throw new IllegalStateException(script + " failed (exit " + p.exitValue() + "): " + line);
        }
        pid = Long.parseLong(parts[1]);
        RUNNING.add(pid);
    }

    private void stop(boolean forcibly) throws InterruptedException {
        if (pid < 0) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            ProcessHandle h = handle.get();
            if (forcibly) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (h.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        RUNNING.remove(pid);
        pid = -1;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
