package io.pciledger.bench;

import picocli.CommandLine.Option;

/** The load of a claims benchmark: hosts, closed-loop clients and batches, as {@code bench claims} sizes them. */
final class ClaimLoadOptions {

    @Option(names = "--hosts", description = "Hosts the claims go to, at random (default 100; 10 with --quick).")
    private Integer hosts;

    @Option(names = "--clients", description = "Concurrent clients, one claim in flight each (default 16; 4 with "
            + "--quick).")
    private Integer clients;

    @Option(names = "--claims", description = "Claims per measured run, over all clients (default 10,000; 200 with "
            + "--quick).")
    private Integer claims;

    @Option(names = "--runs", description = "Measured runs (default 3; 1 with --quick).")
    private Integer runs;

    @Option(names = "--keep-grants", description = "Keep every grant instead of releasing it, so the decider decides "
            + "claims only and the hosts fill up: give --hosts enough VFs for every claim of the warm-up and the runs. "
            + "Default: release each grant without waiting for its answer.")
    private boolean keepGrants;

    @Option(names = "--warmup-claims", description = "Unmeasured claims first, while the JIT compiles the claim path "
            + "(default 5,000; 40 with --quick).")
    private Integer warmupClaims;

    /**
     * The sizes as given, or the defaults of {@code options}' mode.
     *
     * @throws picocli.CommandLine.ParameterException naming a size out of range (exit 2)
     */
    Sizes sizes(final KafkaBenchOptions options) {
        final Sizes sizes = new Sizes(options.sized(hosts, 10, 100), options.sized(clients, 4, 16),
                options.sized(claims, 200, 10_000), options.sized(runs, 1, 3), options.sized(warmupClaims, 40, 5_000),
                !keepGrants);
        options.requirePositive("--hosts", sizes.hosts());
        options.requirePositive("--clients", sizes.clients());
        options.requirePositive("--claims", sizes.claimsPerRun());
        options.requirePositive("--runs", sizes.runs());
        options.requireNotNegative("--warmup-claims", sizes.warmupClaims());
        return sizes;
    }

    /**
     * The resolved sizes.
     *
     * @param releases whether clients release each grant (two commands a grant) or keep it (one)
     */
    record Sizes(int hosts, int clients, int claimsPerRun, int runs, int warmupClaims, boolean releases) {

        int commandsPerGrant() {
            return releases ? 2 : 1;
        }

        int allClaims() {
            return warmupClaims + runs * claimsPerRun;
        }

        /** What each client does with a grant, for the results. */
        String afterGrant() {
            return releases ? "released once granted, without waiting for the answer" : "kept (claims only)";
        }
    }
}
