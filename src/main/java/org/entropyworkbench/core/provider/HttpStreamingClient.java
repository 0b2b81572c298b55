package org.entropyworkbench.core.provider;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * What the two HTTP clients share: one OkHttp stack for the whole application (its dispatcher and
 * connection pool sized for 64+ concurrent streams), per-endpoint timeouts, the Authorization
 * header, the streamed exchange (cancel closes the call) and the mapping of failures to
 * {@link ProviderException}.
 *
 * <p>Thread-safe: {@link #open} is called from many runner threads at once.
 */
abstract class HttpStreamingClient implements ChatProvider {
    static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_STREAMS = 256;
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .dispatcher(dispatcher())
            .connectionPool(new ConnectionPool(MAX_STREAMS, 5, TimeUnit.MINUTES))
            .socketFactory(new NoDelaySocketFactory())
            .build();

    protected final EndpointSettings settings;
    protected final HttpErrors errors;
    private final OkHttpClient http;

    HttpStreamingClient(EndpointSettings settings) {
        this.settings = settings;
        this.errors = new HttpErrors(settings.describe(), settings.preset(), settings.apiKey());
        this.http = SHARED.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.connectTimeout())
                .build();
    }

    private static Dispatcher dispatcher() {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(MAX_STREAMS);
        d.setMaxRequestsPerHost(MAX_STREAMS);
        return d;
    }

    /** The OkHttp client with this endpoint's timeouts, for GET requests such as version probes. */
    OkHttpClient http() {
        return http;
    }

    /** A POST with the JSON body and, when a key is set, the Authorization header. */
    Request.Builder post(String url, byte[] body, String accept) {
        Request.Builder b = new Request.Builder()
                .url(url)
                .post(RequestBody.create(body, JSON_TYPE))
                .header("Accept", accept);
        authorize(b);
        return b;
    }

    /** Adds {@code Authorization: Bearer <key>}; the only place a key's text is read. */
    void authorize(Request.Builder b) {
        if (settings.apiKey() != null) {
            b.header("Authorization", "Bearer " + settings.apiKey().value());
        }
    }

    /** Reads the body of a 2xx response into the call's {@link StreamState}, on the calling thread. */
    @FunctionalInterface
    interface BodyReader {
        void read(Response response, BufferedSource body) throws IOException, ProviderException;
    }

    /**
     * Runs one streamed exchange: executes {@code call}, hands its body to {@code reader} and closes
     * the response. While it runs, cancelling the token cancels the call, so a read blocked on a
     * silent server fails at once instead of waiting for the read timeout.
     *
     * @throws ProviderException the mapped HTTP or I/O failure, a body-less response as truncated, or
     *                           CANCELLED when the token was cancelled meanwhile
     */
    void exchange(Call call, CancellationToken cancel, RequestJson.Effective eff, StreamState st, BodyReader reader)
            throws ProviderException {
        try (CancellationToken.Registration ignored = cancel.onCancel(call::cancel);
             Response response = open(call, cancel, eff.model(), eff.topK())) {
            ResponseBody rb = response.body();
            if (rb == null) {
                throw errors.truncated(st);
            }
            reader.read(response, rb.source());
        } catch (IOException e) {
            throw errors.fromIo(e, st, cancel);
        }
        if (cancel.isCancelled()) {
            throw errors.cancelled();
        }
    }

    /**
     * Executes the call and returns the open streaming response (2xx), or throws the mapped error.
     * The caller closes the response.
     */
    Response open(Call call, CancellationToken cancel, String model, int topK) throws ProviderException {
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw errors.fromIo(e, null, cancel);
        }
        if (response.isSuccessful()) {
            return response;
        }
        try (response) {
            String body = "";
            ResponseBody rb = response.body();
            if (rb != null) {
                body = response.peekBody(MAX_ERROR_BODY).string();
            }
            throw errors.fromStatus(response.code(), response.headers(), body, model, topK);
        } catch (IOException e) {
            throw errors.fromIo(e, null, cancel);
        }
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + settings.describe() + "]";
    }
}
