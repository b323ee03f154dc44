package io.pciledger.ledger.query;

/**
 * Where an instance of the ledger answers queries: the {@code host:port} it announced as its
 * {@code application.server} (ledger setting {@code streams.application.server}).
 */
public record InstanceEndpoint(String host, int port) {

    /**
     * @throws IllegalArgumentException when the host is empty or the port is not 0..65535
     */
    public InstanceEndpoint {
        LocalLedgerReads.requireText(host, "endpoint host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port of endpoint " + host + " must be 0..65535, not " + port);
        }
    }

    /**
     * The endpoint written as {@code host:port}, as in {@code application.server}.
     *
     * @throws IllegalArgumentException naming the text when it is not {@code host:port}
     */
    public static InstanceEndpoint parse(final String hostAndPort) {
        final int colon = hostAndPort == null ? -1 : hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("endpoint '" + hostAndPort + "' is not host:port");
        }
        try {
            return new InstanceEndpoint(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (final NumberFormatException notANumber) {
            throw new IllegalArgumentException("endpoint '" + hostAndPort + "' has no numeric port", notANumber);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
