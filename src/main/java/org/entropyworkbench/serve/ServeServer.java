package org.entropyworkbench.serve;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code ew serve}: the calibrated gate as an OpenAI-compatible HTTP server (Jetty 12). Started
 * once, stopped once; {@link #stop()} stops accepting, lets in-flight requests finish for up to the
 * drain time, then closes the record.
 *
 * <p>Thread-safe for start/stop from any one thread; requests run on Jetty's pool.
 */
public final class ServeServer implements AutoCloseable {
    private final ServeConfig config;
    private final Server server;
    private final ServerConnector connector;
    private final ServeContext ctx;
    private final ScheduledExecutorService timers;

    private ServeServer(ServeConfig config, long drainMillis) throws IOException {
        this.config = config;
        ServeRecorder recorder = config.recordFile() == null ? null : ServeRecorder.open(config, config.upstream().model());
        this.ctx = new ServeContext(config, recorder);
        ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "serve-timeouts");
            t.setDaemon(true);
            return t;
        });
        // every request schedules its timeout and cancels it when done: without this the cancelled ones
        // stay queued for the whole timeout (120 s x hundreds of requests a second)
        timeouts.setRemoveOnCancelPolicy(true);
        this.timers = timeouts;
        QueuedThreadPool pool = new QueuedThreadPool(config.maxConcurrency() + 48, 8);
        pool.setName("serve");
        this.server = new Server(pool);
        this.connector = new ServerConnector(server);
        connector.setHost(config.listenHost());
        connector.setPort(config.listenPort());
        connector.setIdleTimeout(Math.max(30_000, config.requestTimeout().toMillis()));
        // while draining, a non-streaming gated reply may be silent for as long as its steps take
        connector.setShutdownIdleTimeout(Math.max(1_000, drainMillis));
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new ServeHandler(ctx, timers));
        server.setHandler(graceful);
        server.setStopTimeout(drainMillis);
        server.setStopAtShutdown(false);
    }

    /**
     * Binds and starts serving.
     *
     * @param drainMillis how long {@link #stop()} waits for in-flight requests
     * @throws IOException when the address cannot be bound or the record cannot be opened
     */
    public static ServeServer start(ServeConfig config, long drainMillis) throws IOException {
        ServeServer s = new ServeServer(config, drainMillis);
        try {
            s.server.start();
        } catch (Exception e) {
            s.ctx.close();
            throw new IOException("cannot listen on " + config.listenHost() + ":" + config.listenPort() + ": " + e.getMessage(), e);
        }
        config.log().accept("serve: listening on " + s.baseUrl() + " (" + config.mode().id() + " mode, upstream "
                + config.upstream().describe() + ", model " + config.upstream().model() + ", tau "
                + config.gate().tau() + " bits by " + config.gate().rule() + ", k " + config.gate().k() + ")");
        return s;
    }

    /** e.g. {@code http://127.0.0.1:8090/v1}, what an OpenAI client takes as its base URL. */
    public String baseUrl() {
        return "http://" + config.listenHost() + ":" + connector.getLocalPort() + "/v1";
    }

    /** The configuration this server runs with. */
    ServeConfig config() {
        return config;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, drains in-flight requests (up to the drain time), closes upstream clients and the record. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            config.log().accept("serve: stopping: " + e.getMessage());
        } finally {
            timers.shutdownNow();
            ctx.close();
            config.log().accept("serve: stopped");
        }
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stop();
    }
}
