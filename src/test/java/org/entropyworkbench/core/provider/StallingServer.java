package org.entropyworkbench.core.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A one-shot HTTP server that sends headers and a first part of an SSE body, then holds the
 * connection open without sending anything until closed: a model server that stalls mid-stream.
 * (MockWebServer's throttling would keep its own threads busy past the test.)
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final CountDownLatch release = new CountDownLatch(1);

    StallingServer(String firstPart) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(firstPart), "stalling-server");
        thread.setDaemon(true);
        thread.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    private void serve(String firstPart) {
        try (Socket s = socket.accept()) {
            InputStream in = s.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + firstPart)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await();
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        socket.close();
    }
}
