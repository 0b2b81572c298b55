package org.entropyworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The streaming baseline: the same requests to the same server, each answer read to its end and
 * thrown away (no HTTP library, no SSE or JSON parsing, nothing recorded). What the loopback
 * transport and the test server can carry; the real pipeline is compared with it.
 */
public final class RawSseDrain {

    private RawSseDrain() {
    }

    /**
     * Runs {@code streams} threads that together make {@code requests} requests, one at a time each.
     *
     * @return bytes read in total
     */
    public static long drain(int port, int streams, int requests) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(requests);
        AtomicLong bytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        byte[] body = "{\"model\":\"bench-model\",\"stream\":true,\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int t = 0; t < streams; t++) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                while (remaining.getAndDecrement() > 0) {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        OutputStream out = s.getOutputStream();
                        out.write(head);
                        out.write(body);
                        out.flush();
                        InputStream in = s.getInputStream();
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            bytes.addAndGet(n);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "bench-raw-drain-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return bytes.get();
    }
}
