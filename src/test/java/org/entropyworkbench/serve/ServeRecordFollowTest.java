package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.entropyworkbench.bench.FaultPlan;
import org.entropyworkbench.core.follow.RecordFollower;
import org.entropyworkbench.core.follow.TrafficSnapshot;
import org.entropyworkbench.core.signal.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real proxy with {@code --record} in front of the loopback upstream, and the workbench's
 * follower reading that record while requests arrive. The follower sees each request once, computes the same
 * H the gate reported in its reply, counts the gate's refinements and the tokens the record holds.
 */
class ServeRecordFollowTest {

    private static final String BODY = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}]}";

    @Test
    void theFollowerReadsTheProxysRecordAsItGrows(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("serve.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (ServeFixture f = ServeFixture.upstream(FaultPlan.NONE, 0)
                .start(ServeFixture.Options.gate(-1).record(record, false))) {
            RecordFollower follower = new RecordFollower(record, Signal.DEFAULT, 20, -1);
            String url = f.proxy.baseUrl() + "/chat/completions";
            double lastH = Double.NaN;
            for (int i = 1; i <= 3; i++) {
                var response = ServeHttp.post(url, BODY, null);
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode gate = json.readTree(response.body()).get("entropy_workbench");
                assertThat(gate.get("decision").asText()).isEqualTo("refine");
                lastH = gate.get("h").asDouble();
                RecordFollower.State state = follower.poll();
                assertThat(state.header()).isNotNull();
                assertThat(state.traffic().requests()).isEqualTo(i);
            }
            TrafficSnapshot t = follower.poll().traffic();
            assertThat(t.refined()).isEqualTo(3);
            assertThat(t.stops()).isZero();
            assertThat(t.tokensUsed()).isEqualTo(3L * 4 * ServeFixture.TOKENS);
            assertThat(t.tokensSaved()).isEqualTo(0.0);
            assertThat(t.scores()[2]).isCloseTo(lastH, within(1e-3));
        }
    }

    @Test
    void stoppedRequestsAreChargedTheMeanRefinementCostOfTheRefinedOnes(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("serve.jsonl");
        try (ServeFixture refine = ServeFixture.upstream(FaultPlan.NONE, 0)
                .start(ServeFixture.Options.gate(-1).record(record, false))) {
            ServeHttp.post(refine.proxy.baseUrl() + "/chat/completions", BODY, null);
        }
        try (ServeFixture stop = ServeFixture.upstream(FaultPlan.NONE, 0)
                .start(ServeFixture.Options.gate(100).record(record, false))) {
            ServeHttp.post(stop.proxy.baseUrl() + "/chat/completions", BODY, null);
            ServeHttp.post(stop.proxy.baseUrl() + "/chat/completions", BODY, null);
        }
        TrafficSnapshot t = new RecordFollower(record, Signal.DEFAULT, 20, 100).poll().traffic();
        assertThat(t.requests()).isEqualTo(3);
        assertThat(t.stops()).isEqualTo(3);
        assertThat(t.refined()).isEqualTo(1);
        int tokens = ServeFixture.TOKENS;
        assertThat(t.tokensUsed()).isEqualTo(4L * tokens + 2L * tokens);
        assertThat(t.meanRefineTokens()).isEqualTo(3.0 * tokens);
        assertThat(t.tokensSaved()).isEqualTo(2 * 3.0 * tokens);
    }
}
