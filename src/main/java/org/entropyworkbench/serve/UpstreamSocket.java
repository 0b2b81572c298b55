package org.entropyworkbench.serve;

import java.io.IOException;
import java.net.Socket;
import okhttp3.Interceptor;
import okhttp3.Protocol;

/**
 * The upstream connection's socket of one pass-through call, so the tee can ask whether more bytes
 * are already waiting ({@link #moreWaiting}) and flush to the client only when the upstream has gone
 * quiet: a paced stream still goes out token by token, an upstream that sends faster than the proxy
 * reads costs one write per burst instead of one per token. Set by {@link #CAPTURE}, a network
 * interceptor, on the OkHttp thread that runs the call (the request thread for {@code execute()}).
 * Only plain HTTP/1.1 connections are used: on HTTP/2 the socket carries other streams, and on TLS
 * {@code available()} does not see undecrypted bytes, so those calls flush per read as before.
 *
 * <p>One per call; written once before the response body is read, then read by the same thread.
 */
final class UpstreamSocket {
    private Socket socket;

    /** Records the connection's socket in the call's {@code UpstreamSocket} tag, if it has one. */
    static final Interceptor CAPTURE = chain -> {
        UpstreamSocket holder = chain.request().tag(UpstreamSocket.class);
        if (holder != null && chain.connection() != null && chain.connection().protocol() == Protocol.HTTP_1_1
                && chain.connection().handshake() == null) {
            holder.socket = chain.connection().socket();
        }
        return chain.proceed(chain.request());
    };

    /** The captured socket, or null (not plain HTTP/1.1, or not captured yet). */
    Socket socket() {
        return socket;
    }

    /**
     * More than a chunk's trailing CRLF and the next chunk's size line: with fewer bytes waiting, reading
     * on could block on the rest of a size line that comes with the next (paced) event.
     */
    private static final int MORE_THAN_CHUNK_FRAMING = 16;

    /**
     * True when more than {@value #MORE_THAN_CHUNK_FRAMING} bytes from the upstream are already in the
     * socket's receive buffer, so the next read will not wait; false when unknown (no plain HTTP/1.1
     * socket, or the check failed), which makes the caller flush.
     */
    boolean moreWaiting() {
        Socket s = socket;
        if (s == null) {
            return false;
        }
        try {
            return s.getInputStream().available() > MORE_THAN_CHUNK_FRAMING;
        } catch (IOException e) {
            return false;
        }
    }
}
