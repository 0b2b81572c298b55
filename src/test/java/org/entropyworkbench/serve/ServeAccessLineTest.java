package org.entropyworkbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.entropyworkbench.core.signal.Signal;
import org.junit.jupiter.api.Test;

/** The access-log line is built by hand (no String.format per request) and must read as the formatted one did. */
class ServeAccessLineTest {

    @Test
    void fourDecimalsAsPercentFormatWritesThem() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(6) - 2);
            StringBuilder b = new StringBuilder();
            ServeHandler.fixed(b, v);
            assertThat(b.toString()).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
        }
        for (double v : new double[] {0, -0.0, 1, -1, 0.00004, -0.00004, 12.5, Double.NaN}) {
            StringBuilder b = new StringBuilder();
            ServeHandler.fixed(b, v);
            assertThat(b.toString()).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
        }
    }

    @Test
    void lineNamesStatusModeOutcomeSignalAndTime() {
        GateReport report = new GateReport(ServeMode.OBSERVE, 2.5, Double.NaN, new EntropyGate(1.25, "custom", 20,
                Signal.DEEPCONF_MEAN), EntropyGate.Decision.STOP, 1, List.of(12), 10, 12);
        assertThat(ServeHandler.accessLine(200, "observe", "ok", report, 0.8124)).isEqualTo(
                "serve: 200 POST /v1/chat/completions observe ok decision=stop signal=deepconf-mean value=2.5000"
                        + " H=NaN tau=1.2500 steps=1 812 ms");
        assertThat(ServeHandler.accessLine(400, "gate", "client_error", null, 0.0004))
                .isEqualTo("serve: 400 POST /v1/chat/completions gate client_error 0 ms");
    }

    @Test
    void completionIdsAreTwentyHexDigitsAndDiffer() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ServeHandler.completionId();
            assertThat(id).matches("chatcmpl-ewb-[0-9a-f]{20}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }
}
