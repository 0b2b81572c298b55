package org.entropyworkbench.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Every socket the factory makes, connected or to be connected, has Nagle's algorithm off. */
class NoDelaySocketFactoryTest {

    @Test
    void everySocketHasNoDelay() throws Exception {
        NoDelaySocketFactory f = new NoDelaySocketFactory();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 8, loopback)) {
            int port = server.getLocalPort();
            Socket unconnected = f.createSocket();
            unconnected.connect(new InetSocketAddress(loopback, port));
            List<Socket> sockets = List.of(unconnected, f.createSocket(loopback.getHostAddress(), port),
                    f.createSocket(loopback, port), f.createSocket(loopback.getHostAddress(), port, loopback, 0),
                    f.createSocket(loopback, port, loopback, 0));
            for (Socket s : sockets) {
                try (s) {
                    assertThat(s.isConnected()).isTrue();
                    assertThat(s.getTcpNoDelay()).as("TCP_NODELAY on %s", s).isTrue();
                }
            }
        }
    }

    @Test
    void theSharedProviderClientUsesIt() {
        OkHttpClient http = new OpenAiCompatibleClient(EndpointSettings.defaults(ServerPreset.CUSTOM, "m").withBaseUrl("http://127.0.0.1:1/v1")).http();
        assertThat(http.socketFactory()).isInstanceOf(NoDelaySocketFactory.class);
    }
}
