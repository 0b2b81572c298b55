package org.entropyworkbench.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The proxy's Prometheus metrics, in a registry of its own (several proxies can run in one JVM, as
 * the tests do), written in the Prometheus text format by the client library.
 *
 * Without exemplars: the text format does not carry them, and sampling them cost every request a few
 * microseconds plus the library's scheduler thread.
 *
 * <p>Thread-safe: updated from every request thread, scraped from any.
 */
final class ServeMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    final Counter requests = Counter.builder().name("ewb_serve_requests_total")
            .help("Chat completion requests by mode and outcome (ok, client_error, rejected, upstream_error, cancelled)")
            .labelNames("mode", "outcome").withoutExemplars().register(registry);
    final Counter decisions = Counter.builder().name("ewb_serve_decisions_total")
            .help("Gate decisions taken (gate mode) or that would have been taken (observe mode)")
            .labelNames("mode", "decision").withoutExemplars().register(registry);
    final Counter upstreamRequests = Counter.builder().name("ewb_serve_upstream_requests_total")
            .help("Chat completion calls sent to the upstream server").withoutExemplars().register(registry);
    final Counter completionTokens = Counter.builder().name("ewb_serve_completion_tokens_total")
            .help("Completion tokens the upstream generated, by protocol step (1 or refine)")
            .labelNames("step").withoutExemplars().register(registry);
    final Histogram entropy = Histogram.builder().name("ewb_serve_step1_entropy_bits")
            .help("Step-1 mean token entropy H (bits) of each request")
            .classicOnly().classicUpperBounds(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.5)
            .withoutExemplars().register(registry);
    final Histogram duration = Histogram.builder().name("ewb_serve_request_duration_seconds")
            .help("Wall time of chat completion requests").classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300)
            .labelNames("mode").withoutExemplars().register(registry);
    final Gauge inFlight = Gauge.builder().name("ewb_serve_in_flight_requests")
            .help("Chat completion requests being served now").register(registry);
    final Histogram signal = Histogram.builder().name("ewb_serve_step1_signal")
            .help("Step-1 value of the calibration's gate signal (its own units: bits or nats) of each request")
            .classicOnly().classicUpperBounds(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.5,
                    6, 8, 12, 16, 24, 32, 48, 64)
            .labelNames("signal").withoutExemplars().register(registry);
    final Gauge tau = Gauge.builder().name("ewb_serve_tau_bits")
            .help("The calibrated threshold in use (in the signal's units: bits for the entropy signals)").register(registry);
    final Gauge gate = Gauge.builder().name("ewb_serve_gate_tau")
            .help("The calibrated threshold in use, labelled with its signal, unit and which end is confident")
            .labelNames("signal", "unit", "confident").register(registry);

    ServeMetrics(EntropyGate g) {
        tau.set(g.tau());
        gate.labelValues(g.signalId(), g.signal().unit(),
                g.signal().direction() == org.entropyworkbench.core.signal.SignalDirection.HIGH_IS_CONFIDENT ? "high" : "low")
                .set(g.tau());
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write metrics", e);
        }
        return out.toByteArray();
    }

    String contentType() {
        return writer.getContentType();
    }
}
