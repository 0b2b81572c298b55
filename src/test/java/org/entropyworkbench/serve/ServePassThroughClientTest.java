package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.entropyworkbench.bench.FaultPlan;
import org.entropyworkbench.core.provider.NoDelaySocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The pass-through client's upstream connections have Nagle's algorithm off: a request body over one
 * OkHttp write (8 KiB) otherwise waited ~40 ms for the upstream's delayed acknowledgement
 * (docs/performance.md, "ew serve: where the paced streams' time went").
 */
class ServePassThroughClientTest {

    @Test
    void upstreamConnectionsHaveNoDelay() throws Exception {
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 0).start(ServeFixture.Options.gate(1).mode(ServeMode.OBSERVE))) {
            ServeContext ctx = new ServeContext(f.proxy.config(), null);
            try {
                assertThat(ctx.passThrough.socketFactory()).isInstanceOf(NoDelaySocketFactory.class);
                UpstreamSocket holder = new UpstreamSocket();
                Request r = new Request.Builder().url(f.upstream.baseUrl() + "/chat/completions")
                        .post(RequestBody.create("{}", MediaType.get("application/json")))
                        .tag(UpstreamSocket.class, holder).build();
                try (Response response = ctx.passThrough.newCall(r).execute()) {
                    Socket s = holder.socket();
                    assertThat(s).isNotNull();
                    assertThat(s.getTcpNoDelay()).isTrue();
                    response.body().bytes();
                }
            } finally {
                ctx.close();
            }
        }
    }
}
