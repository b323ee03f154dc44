package io.pciledger.cli;

import io.pciledger.cli.audit.Difference;
import io.pciledger.cli.audit.FleetSnapshot;
import io.pciledger.cli.audit.FleetVerifier;
import io.pciledger.cli.audit.FleetVerifier.Verification;
import io.pciledger.cli.audit.LiveApi;
import io.pciledger.cli.audit.LiveApiException;
import io.pciledger.cli.audit.ProgressMeter;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.replay.LedgerReplay;
import io.pciledger.schemas.topic.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger verify}: replays the whole of {@code pci.ledger} and holds it against the live state the HTTP API
 * serves (rule 7: the ledger's state is a fold of its events). Lists every difference and exits 1 if there is any.
 *
 * <pre>
 * PCI_LEDGER_TOKEN=... bin/pci-ledger verify --config ledger.properties --api http://127.0.0.1:8080/
 * </pre>
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Replay pci.ledger and compare it with the live state served by the HTTP API: every host's "
                + "position, devices (status, holder, attributes), pools and live claims, the host list and the group counts.",
                "Each host is compared at the ledger position the API shows; differences are checked once more after "
                        + "--recheck-after before they are reported (the live state moves while it is read).",
                "Configuration as for 'ledger' (--kafka-config, --config FILE, PCI_LEDGER_* environment, --bootstrap-servers, -X).",
                "Exit code 0 when both agree, 1 when they differ (each difference is listed), 2 on bad input."})
public final class VerifyCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "PCI_LEDGER_TOKEN";

    @Spec
    private CommandSpec spec;

    @Mixin
    private LayeredConfigOptions sources;

    @Option(names = "--api", paramLabel = "URL", required = true,
            description = "The API's root, e.g. http://127.0.0.1:8080/.")
    private String api;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "A bearer token of an admin or a reader (default: --token-file, else env " + TOKEN_VARIABLE + ").")
    private String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the token (its first line).")
    private Path tokenFile;

    @Option(names = "--recheck-after", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long to wait before checking differences a second time (default ${DEFAULT-VALUE}).")
    private Duration recheckAfter;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final URI base = apiRoot();
        final String bearer = token(System.getenv());
        final LedgerConfig config = LedgerConfigSources.load(sources, System.getenv(), spec.commandLine());
        final FleetVerifier verifier = new FleetVerifier(new LiveApi(base, bearer),
                new LedgerReplay(config.readerProperties("pci-ledger-verify"), config.topicNames().of(Topics.LEDGER)),
                ProgressMeter.onTerminal(err));
        try {
            Verification verification = verifier.verify();
            if (!verification.differences().isEmpty()) {
                err.printf("%d difference(s); checking again in %s (the live state moves while it is read) ...%n",
                        verification.differences().size(), recheckAfter);
                err.flush();
                Thread.sleep(recheckAfter.toMillis());
                verification = verifier.verify();
            }
            return report(verification, out);
        } catch (final LiveApiException e) {
            err.println("error: " + e.getMessage());
            return e.isAboutTheToken() ? 2 : 1;
        }
    }

    private static int report(final Verification verification, final PrintWriter out) {
        final FleetSnapshot replayed = verification.replayed();
        final long devices = replayed.hosts().stream().mapToLong(host -> host.devices().size()).sum();
        final long claims = replayed.hosts().stream().mapToLong(host -> host.claims().size()).sum();
        verification.differences().forEach(difference -> out.println(difference));
        replayed.problems().forEach(problem -> out.println("host " + problem.host() + ": the replay stopped at "
                + problem.where() + ": " + problem.reason()));
        final boolean sound = verification.differences().isEmpty() && replayed.problems().isEmpty();
        out.printf("%s: %d hosts, %d devices, %d live claims and %d groups replayed from %d ledger events; "
                        + "%d difference(s)%s%n", sound ? "verified" : "NOT verified", replayed.hosts().size(),
                devices, claims, replayed.groups().size(), replayed.eventsApplied(),
                verification.differences().size(),
                replayed.problems().isEmpty() ? "" : ", " + replayed.problems().size() + " unreadable record(s)");
        out.flush();
        return sound ? 0 : 1;
    }

    private URI apiRoot() {
        try {
            final URI uri = new URI(api.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(api, "not an http:// or https:// address with a host");
            }
            return uri;
        } catch (final URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--api '" + api + "' is not the API's address: "
                    + e.getReason() + " (e.g. http://127.0.0.1:8080/)");
        }
    }

    /** The token from --token, else --token-file, else the environment. */
    String token(final Map<String, String> environment) {
        String value = token;
        if (value == null && tokenFile != null) {
            try {
                value = Files.readAllLines(tokenFile).stream().findFirst().orElse("");
            } catch (final IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --token-file " + tokenFile + ": " + e);
            }
        }
        if (value == null) {
            value = environment.get(TOKEN_VARIABLE);
        }
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), "no token: pass --token, --token-file or set "
                    + TOKEN_VARIABLE + " (an admin's or a reader's)");
        }
        return value.trim();
    }
}
