package io.pciledger.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pciledger.cli.audit.DeviceHistoryReport;
import io.pciledger.cli.audit.FleetSnapshot;
import io.pciledger.cli.audit.ProgressMeter;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.replay.DeviceHistory;
import io.pciledger.ledger.replay.FleetState;
import io.pciledger.ledger.replay.LedgerReplay;
import io.pciledger.ledger.replay.ReplayCut;
import io.pciledger.ledger.replay.ReplayProblem;
import io.pciledger.ledger.replay.ReplayProgress;
import io.pciledger.query.http.Json;
import io.pciledger.schemas.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger replay}: the audit replay. Reads {@code pci.ledger} alone (committed records, from the beginning)
 * and prints, as JSON, the fleet as it stood at an instant (every host's devices with status and holder, live claims
 * and pools, and the group counts), or one device's whole history.
 *
 * <pre>
 * bin/pci-ledger replay --config ledger.properties --until 2026-05-01T10:00:00Z --output fleet.json
 * bin/pci-ledger replay --bootstrap-servers kafka-1:9092 --device compute-1/0000:3b:02.1
 * </pre>
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild the fleet's state as of an instant, or one device's history, from pci.ledger alone, as JSON.",
                "Configuration as for 'ledger' (--kafka-config, --config FILE, PCI_LEDGER_* environment, --bootstrap-servers, -X): "
                        + "it needs bootstrap.servers and the ledger's topic prefix, if any.",
                "Shows progress on standard error when run on a terminal.",
                "Exit code 0, 1 when a ledger record could not be replayed (listed under 'problems'), 2 on bad input."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LayeredConfigOptions sources;

    @Option(names = "--until", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The fleet as of this instant: ISO-8601 (2026-05-01T10:00:00Z) or 'now'. With --device: "
                    + "the history up to it.")
    private Instant until;

    @Option(names = "--device", paramLabel = "HOST/ADDRESS", converter = DeviceRef.Converter.class,
            description = "Print this device's history instead: every ledger event of its host that concerns it, "
                    + "e.g. compute-1/0000:3b:02.1.")
    private DeviceRef device;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the JSON to FILE instead of standard output.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        if (until == null && device == null) {
            throw new ParameterException(spec.commandLine(), "say what to replay: --until INSTANT (the fleet as of "
                    + "then, 'now' for the present) or --device HOST/ADDRESS (one device's history)");
        }
        final PrintWriter err = spec.commandLine().getErr();
        final LedgerConfig config = LedgerConfigSources.load(sources, System.getenv(), spec.commandLine());
        final LedgerReplay replay = new LedgerReplay(config.readerProperties("pci-ledger-replay"),
                config.topicNames().of(Topics.LEDGER));
        final Consumer<ReplayProgress> progress = ProgressMeter.onTerminal(err);
        final Instant at = until != null ? until : Instant.now();
        if (device != null) {
            return printHistory(replay.device(device.host(), device.address(), ReplayCut.until(at), progress), err);
        }
        final FleetState state = replay.fleet(ReplayCut.until(at), progress);
        write(FleetSnapshot.of(state, at));
        return reportProblems(state.problems(), err);
    }

    private int printHistory(final DeviceHistory history, final PrintWriter err) throws IOException {
        if (!history.hostKnown()) {
            err.println("error: the ledger has no event of host " + history.host() + " (up to " + until() + ")");
            return 2;
        }
        if (history.events().isEmpty()) {
            err.println("error: the ledger of host " + history.host() + " has no event of device " + history.address()
                    + " (up to " + until() + ")");
            return 2;
        }
        write(DeviceHistoryReport.of(history));
        return 0;
    }

    private String until() {
        return until != null ? until.toString() : "now";
    }

    private static int reportProblems(final List<ReplayProblem> problems, final PrintWriter err) {
        problems.forEach(problem -> err.println("error: the replay of host " + problem.host() + " stopped at "
                + problem.where() + ": " + problem.reason()));
        return problems.isEmpty() ? 0 : 1;
    }

    private void write(final Object document) throws IOException {
        final ObjectWriter writer = Json.mapper().writer(SerializationFeature.INDENT_OUTPUT)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (output != null) {
            try (OutputStream file = Files.newOutputStream(output)) {
                writer.writeValue(file, document);
            }
            return;
        }
        final PrintWriter out = spec.commandLine().getOut();
        writer.writeValue(out, document);
        out.println();
        out.flush();
    }
}
