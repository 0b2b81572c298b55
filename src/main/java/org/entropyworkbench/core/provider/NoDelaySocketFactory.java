package org.entropyworkbench.core.provider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off, for every HTTP client the workbench opens to a model server
 * (OkHttp never sets {@code TCP_NODELAY}). A request body larger than one OkHttp write (8 KiB, i.e. any
 * long prompt) otherwise leaves in pieces of which the last waits for the server's delayed
 * acknowledgement of the first: through {@code ew serve} a 30 KB request took ~50 ms instead of ~2 ms
 * (docs/performance.md). TLS sockets are layered over these, so they get it too.
 *
 * <p>Stateless and thread-safe.
 */
public final class NoDelaySocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }
}
