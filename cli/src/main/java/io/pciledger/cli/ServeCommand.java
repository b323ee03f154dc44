package io.pciledger.cli;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.query.QueryService;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.TopicMismatchException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger serve}: one instance of the query service, its HTTP API over the ledger it embeds, against an
 * existing Kafka cluster. Configured as {@code pci-ledger ledger} is (file, then environment, then flags), with the
 * {@code query.*} keys besides. Several instances with the same {@code ledger.application.id} share the hosts and
 * forward reads to each other.
 *
 * <pre>
 * bin/pci-ledger serve --config /etc/pci-ledger/ledger.properties -X query.http.port=8080
 * </pre>
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the ledger with its HTTP API (one query-service instance) against a Kafka cluster.",
                "Configuration: --kafka-config FILE (client properties, as streams.*), then --config FILE, then PCI_LEDGER_*",
                "environment variables, then --bootstrap-servers and -X.",
                "Needs query.auth.tokens.file (bearer tokens, see docs/api.md). Creates missing topics first.",
                "Ctrl-C or SIGTERM stops it, leaving its consumer group, and exits 0.",
                "Exit code 2 on a bad configuration, 1 when the topics do not fit or the ledger fails."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LayeredConfigOptions sources;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = DurationConverter.class,
            description = "How long to wait for the service to become ready before giving up (default ${DEFAULT-VALUE}).")
    private Duration readyTimeout;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final QueryServiceConfig config = load();
        final LedgerConfig ledger = config.ledger(config.httpPort());

        final CountDownLatch stop = new CountDownLatch(1);
        ShutdownSignal.onInterruptOrTerminate(stop::countDown);
        try {
            TopicReportPrinter.print(TopicSetup.ensure(ledger.adminClientProperties(), ledger.topicNames(),
                    ledger.topicSettings()), out);
        } catch (TopicMismatchException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        try (QueryService service = QueryService.start(config, Clock.systemUTC())) {
            service.whenFailed().thenRun(stop::countDown);
            if (!service.awaitReady(readyTimeout)) {
                err.println("error: not ready within " + readyTimeout + ": " + service.readiness());
                return 1;
            }
            out.printf("PCI Ledger API at http://%s:%d/ (OpenAPI: /openapi.json). Stop with Ctrl-C.%n",
                    config.advertisedHost(), service.port());
            out.flush();
            stop.await();
            out.println("stopping the service ...");
            out.flush();
            final boolean failed = service.whenFailed().toCompletableFuture().isDone();
            if (failed) {
                err.println("error: the ledger failed: "
                        + service.whenFailed().toCompletableFuture().getNow(null).getMessage());
                return 1;
            }
        }
        out.println("service stopped; its ledger left the consumer group.");
        return 0;
    }

    private QueryServiceConfig load() {
        final Map<String, String> environment = new LinkedHashMap<>(LedgerConfig.environmentOverrides(System.getenv()));
        environment.putAll(QueryServiceConfig.environmentOverrides(System.getenv()));
        final Map<String, Object> values = LedgerConfigSources.layered(sources, environment, spec.commandLine());
        final QueryServiceConfig config;
        try {
            config = new QueryServiceConfig(values);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid configuration"
                    + LedgerConfigSources.from(sources.configFile) + ": " + e.getMessage());
        }
        final Set<String> unknown = new TreeSet<>(config.unknownKeys());
        unknown.addAll(config.ledger(config.httpPort()).unknownKeys());
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown configuration key(s) " + unknown
                    + LedgerConfigSources.from(sources.configFile) + ": see pci-ledger ledger --help and docs/api.md");
        }
        return config;
    }
}
