package io.pciledger.agent.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.spec.DeviceSpecList;
import io.pciledger.agent.spec.PciConfig;
import io.pciledger.agent.sysfs.SysfsScanner;
import io.pciledger.agent.sysfs.SysfsUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger explain}: answers "why is my device not in group X?" for a device spec and a list
 * of devices, without touching the host or Kafka.
 *
 * <pre>
 *   pci-ledger explain host.json                 # one document (see {@link Explainer}), pretty result
 *   pci-ledger explain &lt; host.json               # the same from standard input
 *   pci-ledger explain --batch &lt; hosts.jsonl      # one document per line, one result per line
 * </pre>
 *
 * <p>Exit codes: 0 when every spec is valid; 2 when a spec is invalid or a document malformed (in batch
 * mode after all lines are answered); 1 when the input cannot be read.
 *
 * <p>The documents carry the devices; or, with {@code --sysfs-root /sys --pci-config /etc/nova/nova.conf},
 * the devices are discovered from sysfs and the spec read from nova.conf (or the agent's JSON file).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain which device spec entry matches each device, the group it lands in, and why"
                + " earlier entries do not match.")
public final class ExplainCommand implements Callable<Integer> {

    /** The exit code for an invalid spec or a malformed document. */
    public static final int EXIT_INVALID = 2;

    private static final int EXIT_UNREADABLE = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "The JSON document to explain (JSON Lines with --batch); standard input when absent or '-'.")
    private String file;

    @Option(names = "--batch", description = "Read one document per line, write one compact result per line.")
    private boolean batch;

    @Option(names = "--sysfs-root", paramLabel = "DIR",
            description = "Discover the devices from this sysfs root (e.g. /sys) instead of reading a document;"
                    + " needs --pci-config.")
    private Path sysfsRoot;

    @Option(names = "--pci-config", paramLabel = "FILE",
            description = "With --sysfs-root: the device spec, from nova.conf or the agent's JSON config file.")
    private Path pciConfig;

    @Spec
    private CommandSpec spec;

    private final Supplier<InputStream> stdin;
    private final Explainer explainer = new Explainer();

    /** Reads standard input when no file is given. */
    public ExplainCommand() {
        this(() -> System.in);
    }

    /** @param stdin what to read when no file is given (tests pass their own) */
    public ExplainCommand(final Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        if (sysfsRoot != null || pciConfig != null) {
            return explainThisHost(out);
        }
        try (Reader input = open()) {
            final int exitCode = batch ? explainLines(new BufferedReader(input), out) : explainDocument(input, out);
            out.flush();
            return exitCode;
        } catch (final IOException e) {
            spec.commandLine().getErr().println("explain: cannot read " + (file == null ? "standard input" : file)
                    + ": " + e.getMessage());
            return EXIT_UNREADABLE;
        }
    }

    private int explainThisHost(final PrintWriter out) {
        if (sysfsRoot == null || pciConfig == null || file != null || batch) {
            throw new ParameterException(spec.commandLine(),
                    "--sysfs-root and --pci-config go together, without FILE or --batch");
        }
        final Explanation explanation;
        try {
            final HostDevices host = new SysfsScanner(sysfsRoot).scan();
            explanation = explainer.explain(this::deviceSpecsOfPciConfig, host);
        } catch (final UncheckedIOException | SysfsUnavailableException e) {
            spec.commandLine().getErr().println("explain: " + e.getMessage());
            return EXIT_UNREADABLE;
        } catch (final RuntimeException e) {
            out.println(explainer.invalidInput(pciConfig + ": " + e.getMessage()).document().toPrettyString());
            return EXIT_INVALID;
        }
        out.println(explanation.document().toPrettyString());
        out.flush();
        return explanation.exitCode();
    }

    private DeviceSpecList deviceSpecsOfPciConfig() {
        try {
            return PciConfig.load(pciConfig).deviceSpecs();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read --pci-config " + pciConfig + ": " + e.getMessage(), e);
        }
    }

    private Reader open() throws IOException {
        if (file == null || file.equals("-")) {
            return new InputStreamReader(stdin.get(), StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }

    private int explainDocument(final Reader input, final PrintWriter out) throws IOException {
        final Explanation explanation = explain(readAll(input), "the document");
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(explanation.document()));
        return explanation.exitCode();
    }

    private int explainLines(final BufferedReader input, final PrintWriter out) throws IOException {
        int exitCode = 0;
        int number = 0;
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            final Explanation explanation = explain(line, "line " + number);
            out.println(JSON.writeValueAsString(explanation.document()));
            exitCode = Math.max(exitCode, explanation.exitCode());
        }
        return exitCode;
    }

    private Explanation explain(final String text, final String what) {
        final JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (final JsonProcessingException e) {
            return explainer.invalidInput(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        return explainer.explain(document);
    }

    private static String readAll(final Reader input) throws IOException {
        final StringBuilder text = new StringBuilder();
        final char[] buffer = new char[8192];
        for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }
}
