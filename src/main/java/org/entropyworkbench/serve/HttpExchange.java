package org.entropyworkbench.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One client exchange on Jetty's core API, written with blocking calls from the request thread:
 * whole replies, or an event stream whose headers go out with its first event (so a failure before
 * the first token can still be an HTTP error status). Not thread-safe: the request thread owns it.
 */
final class HttpExchange {
    final Request request;
    final Response response;
    private final Callback callback;
    private boolean committed;
    private boolean completed;
    private boolean bodyRead;
    private int status = 200;

    HttpExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    /**
     * Tells Jetty the exchange is over (once): the connection may then take its client's next request
     * while this thread still finishes work that needs neither the request nor the response (observe
     * mode's parsing after the reply has ended). Nothing may touch {@link #request} or {@link #response}
     * afterwards.
     */
    void complete() {
        if (!completed) {
            completed = true;
            callback.succeeded();
        }
    }

    /** Fails the exchange unless it was completed already. */
    void fail(Throwable t) {
        if (!completed) {
            completed = true;
            callback.failed(t);
        }
    }

    /** The handler has read the request body whole (the connection can then take the client's next request). */
    void bodyRead() {
        bodyRead = true;
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    boolean committed() {
        return committed;
    }

    int status() {
        return status;
    }

    /** A whole reply; the exchange is finished afterwards. */
    void reply(int status, String contentType, byte[] body) throws IOException {
        this.status = status;
        response.setStatus(status);
        if (!bodyRead && request.getLength() != 0) {
            // answered before reading the body (401, 413, ...): Jetty may drop the connection rather than read what
            // is left, so say so; a client would otherwise send its next request on it and lose it
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
        committed = true;
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }

    void json(int status, byte[] body) throws IOException {
        reply(status, "application/json", body);
    }

    void error(int status, String message, String type, String param, String code) throws IOException {
        json(status, OpenAiJson.error(message, type, param, code));
    }

    /** Starts (on first call) and continues a streamed reply with {@code contentType}; flushed at once. */
    void stream(String contentType, byte[] bytes) throws IOException {
        if (!committed) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            committed = true;
        }
        Content.Sink.write(response, false, ByteBuffer.wrap(bytes));
    }

    /**
     * Starts a streamed reply and returns its body as a stream: bytes go out when it is flushed
     * (or its buffer fills); closing it ends the reply.
     */
    java.io.OutputStream streamBody(String contentType, int bufferBytes) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        committed = true;
        return new java.io.BufferedOutputStream(Content.Sink.asOutputStream(response), bufferBytes);
    }

    /** Ends a streamed reply. */
    void endStream() throws IOException {
        Content.Sink.write(response, true, ByteBuffer.allocate(0));
    }
}
