package io.github.flowcodec.cli.internal.listen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Datagrams the operating system dropped on our sockets because their receive buffers were full, where
 * the OS reports them: Linux's {@code /proc/net/udp} and {@code /proc/net/udp6} ("drops", the last column,
 * per socket, found by its local port). Elsewhere there is no figure. Once our sockets are closed their lines
 * are gone: the figure is then the last one read while they were open, so the final stats line keeps the
 * drops the interval lines reported.
 */
final class SocketDrops {

    private final Set<Integer> ports;
    private final Path[] tables;
    /** The drops of the last reading that found one of our sockets, or -1. */
    private long lastFound = -1;

    SocketDrops(Set<Integer> ports) {
        this(ports, Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    }

    SocketDrops(Set<Integer> ports, Path... tables) {
        this.ports = Set.copyOf(ports);
        this.tables = tables.clone();
    }

    /** The drops summed over our sockets, or empty where the OS does not tell. */
    synchronized OptionalLong read() {
        long drops = 0;
        boolean any = false;
        boolean found = false;
        for (Path table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException | SecurityException e) {
                continue; // not Linux, or not readable: no figure from this table
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                long d = drops(line);
                if (d >= 0) {
                    drops += d;
                    found = true;
                }
            }
            any |= !lines.isEmpty();
        }
        if (found) {
            lastFound = drops;
        } else if (lastFound >= 0) {
            return OptionalLong.of(lastFound); // our sockets are closed: what they had dropped
        }
        return any || found ? OptionalLong.of(drops) : OptionalLong.empty();
    }

    /** The drops of one table line if its local port is one of ours, else -1. */
    long drops(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 13) {
            return -1;
        }
        int colon = f[1].lastIndexOf(':'); // local_address: hex address, colon, hex port
        if (colon < 0) {
            return -1;
        }
        try {
            int port = Integer.parseInt(f[1].substring(colon + 1), 16);
            return ports.contains(port) ? Long.parseLong(f[f.length - 1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
