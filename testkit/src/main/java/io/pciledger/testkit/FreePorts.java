package io.pciledger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports free on loopback now, for a test that must fix a port before a process starts: a Kafka listener that must
 * be the same after a restart, a service's HTTP port that clients keep using. Another process may take one before
 * it is used; tests accept that small chance.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * @param count how many distinct ports
     * @return that many ports, each free on 127.0.0.1 when this returns
     */
    public static List<Integer> onLoopback(final int count) {
        final List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int index = 0; index < count; index++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("could not find " + count + " free ports on loopback", e);
        } finally {
            for (final ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (final IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }
}
