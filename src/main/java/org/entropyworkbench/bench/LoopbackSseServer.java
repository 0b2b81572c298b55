package org.entropyworkbench.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A small, fast OpenAI-compatible streaming server on 127.0.0.1 only, for the streaming and soak
 * benchmarks: {@code POST .../chat/completions} answers with SSE chunks carrying top-20 logprobs
 * (pre-rendered, see {@link SseChunks}), HTTP/1.1 keep-alive with chunked transfer encoding, one
 * thread per connection. Optionally paced per stream and optionally faulty ({@link FaultPlan}).
 *
 * <p>Threads: one accept thread and one daemon thread per connection; {@link #close()} stops
 * them all. Counters are thread-safe and can be read at any time.
 */
public final class LoopbackSseServer implements AutoCloseable {

    /**
     * @param tokensPerResponse       tokens per streamed answer, the final {@code \boxed{}} token included
     * @param tokensPerSecondPerStream pacing of each stream; 0 = as fast as possible
     * @param faults                  fault injection
     * @param seed                    seed of the fault draws and logprob shapes
     * @param answer                  the answer every response ends with
     */
    public record Settings(int tokensPerResponse, double tokensPerSecondPerStream, FaultPlan faults, long seed, String answer) {
        public Settings {
            if (tokensPerResponse < 2) {
                throw new IllegalArgumentException("tokensPerResponse must be at least 2");
            }
        }
    }

    /** A snapshot of what the server did. */
    public record Stats(long requests, long completedStreams, long tokensSent, long bytesSent, long handlerCpuNanos,
                        long[] faults) {
        public long faults(FaultPlan.Fault kind) { return faults[kind.ordinal()]; }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Settings settings;
    private final SseChunks chunks;
    private final ServerSocket serverSocket;
    private final Thread acceptThread;
    private final Random faultRandom;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLongArray faults = new AtomicLongArray(FaultPlan.Fault.values().length);
    private volatile boolean closed;
    private volatile long firstByteDelayMillis;

    private LoopbackSseServer(Settings settings) throws IOException {
        this.settings = settings;
        this.chunks = new SseChunks(64, settings.answer(), settings.seed());
        this.faultRandom = new Random(settings.seed() ^ 0x5DEECE66DL);
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.acceptThread = new Thread(this::acceptLoop, "bench-sse-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    /** Binds to a free port on the loopback address and starts accepting. */
    public static LoopbackSseServer start(Settings settings) throws IOException {
        return new LoopbackSseServer(settings);
    }

    /** Base URL in OpenAI style, e.g. {@code http://127.0.0.1:40123/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/v1";
    }

    public int port() { return serverSocket.getLocalPort(); }

    /** The visible text every clean response carries, for checking what a client recorded. */
    public String answerText() { return chunks.answerText(); }

    /**
     * Makes every later chat response wait this long before its first byte (the "slow first byte"
     * fault, for clients' and proxies' timeouts); 0 turns it off. Any thread.
     */
    public void setFirstByteDelayMillis(long millis) {
        this.firstByteDelayMillis = Math.max(0, millis);
    }

    public Stats stats() {
        long[] f = new long[faults.length()];
        for (int i = 0; i < f.length; i++) {
            f[i] = faults.get(i);
        }
        return new Stats(requests.get(), completed.get(), tokens.get(), bytes.get(), cpuNanos.get(), f);
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        int n = 0;
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(120_000);
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "bench-sse-conn-" + (n++));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }
    }

    private void serve(Socket socket) {
        long mark = THREADS.getCurrentThreadCpuTime();
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (!closed) {
                Request request = readRequest(in);
                if (request == null) {
                    return;
                }
                boolean keepOpen = handle(request, socket, out);
                long now = THREADS.getCurrentThreadCpuTime();
                cpuNanos.addAndGet(now - mark);
                mark = now;
                if (!keepOpen) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away or was reset on purpose
        } finally {
            open.remove(socket);
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - mark);
        }
    }

    private record Request(String method, String path, boolean close) {
    }

    /** Reads one request's line, headers and body; null at end of stream. */
    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        long contentLength = 0;
        boolean close = false;
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        long skipped = 0;
        while (skipped < contentLength) {
            long s = in.skip(contentLength - skipped);
            if (s <= 0) {
                if (in.read() < 0) {
                    return null;
                }
                s = 1;
            }
            skipped += s;
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "/", close);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Answers one request; false when the connection must end. */
    private boolean handle(Request request, Socket socket, OutputStream out) throws IOException {
        if (request.method().equals("GET") && request.path().endsWith("/models")) {
            writeSimple(out, 200, "OK", "{\"object\":\"list\",\"data\":[{\"id\":\"bench-model\",\"object\":\"model\"}]}", null);
            return !request.close();
        }
        if (!request.method().equals("POST") || !request.path().endsWith("/chat/completions")) {
            writeSimple(out, 404, "Not Found", "{\"error\":{\"message\":\"not found\"}}", null);
            return !request.close();
        }
        requests.incrementAndGet();
        long delay = firstByteDelayMillis;
        if (delay > 0) {
            LockSupport.parkNanos(delay * 1_000_000L);
        }
        FaultPlan.Fault fault;
        synchronized (faultRandom) {
            fault = settings.faults().draw(faultRandom);
        }
        faults.incrementAndGet(fault.ordinal());
        switch (fault) {
            case TOO_MANY_REQUESTS:
                writeSimple(out, 429, "Too Many Requests", "{\"error\":{\"message\":\"rate limited (injected)\"}}", "0");
                return !request.close();
            case SERVER_ERROR:
                writeSimple(out, 500, "Internal Server Error", "{\"error\":{\"message\":\"server error (injected)\"}}", null);
                return !request.close();
            default:
                return stream(request, fault, socket, out);
        }
    }

    private boolean stream(Request request, FaultPlan.Fault fault, Socket socket, OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\n" + (request.close() ? "Connection: close\r\n" : "")
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int n = settings.tokensPerResponse();
        int breakAt = fault == FaultPlan.Fault.NONE ? Integer.MAX_VALUE : Math.max(1, n / 3);
        double rate = settings.tokensPerSecondPerStream();
        long start = System.nanoTime();
        int offset = (int) (requests.get() % chunks.variants());
        for (int i = 0; i < n; i++) {
            if (i == breakAt) {
                tokens.addAndGet(i);
                if (fault == FaultPlan.Fault.RESET_MID_STREAM) {
                    out.flush();
                    socket.setSoLinger(true, 0);
                    socket.close();
                    return false;
                }
                writeChunk(out, SseChunks.malformedEvent());
                out.flush();
                return false;
            }
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    out.flush();
                    LockSupport.parkNanos(wait);
                }
            }
            writeChunk(out, i == n - 1 ? chunks.answerEvent() : chunks.tokenEvent(offset + i));
            if (rate > 0) {
                out.flush();
            }
        }
        tokens.addAndGet(n);
        writeChunk(out, chunks.finishEvent());
        writeChunk(out, SseChunks.usageEvent(n));
        writeChunk(out, SseChunks.doneEvent());
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        completed.incrementAndGet();
        return !request.close();
    }

    private void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write(Integer.toHexString(data.length).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
        out.write(data);
        out.write('\r');
        out.write('\n');
        bytes.addAndGet(data.length);
    }

    private static void writeSimple(OutputStream out, int status, String reason, String body, String retryAfter) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                + "\r\n" + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }
}
