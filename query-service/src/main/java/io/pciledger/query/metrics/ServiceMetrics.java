package io.pciledger.query.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The service's metrics, in Prometheus' text format at {@code /metrics}: JVM (memory, GC, threads, classes, CPU),
 * the embedded Kafka Streams client's own metrics (including its RocksDB stores'),
 * {@code pci_ledger_http_requests_seconds} per method, route and status, and
 * {@code pci_ledger_command_stage_seconds} per stage of a claim, confirm or release command (sent to acknowledged,
 * acknowledged to its committed result read).
 */
public final class ServiceMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** The timer of each method, status and route, found without building its tags on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private KafkaStreamsMetrics streams;

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Publishes the metrics of {@code kafkaStreams} too. */
    public void bind(final KafkaStreams kafkaStreams) {
        streams = new KafkaStreamsMetrics(kafkaStreams);
        streams.bindTo(registry);
    }

    /** Counts one answered request; {@code route} is the route's template, so the number of series is bounded. */
    public void request(final String method, final String route, final int status, final double millis) {
        timers.computeIfAbsent(method + ' ' + status + ' ' + route, key -> Timer.builder("pci_ledger_http_requests")
                        .description("HTTP requests answered")
                        .tags(Tags.of("method", method, "route", route, "status", Integer.toString(status)))
                        .register(registry))
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** Records how long a command's {@code stage} took. */
    public void commandStage(final String stage, final long nanos) {
        timers.computeIfAbsent("command " + stage, key -> Timer.builder("pci_ledger_command_stage")
                        .description("Stages of the claim, confirm and release commands this instance sent")
                        .tags(Tags.of("stage", stage))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Every metric in Prometheus' text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close();
        }
        gc.close();
        registry.close();
    }
}
