package io.github.flowcodec.cli.internal.generate;

import java.net.InetAddress;
import java.time.Clock;

/** The protocols {@code flowcodec generate} and {@code demo} can export. */
public enum ExportProtocol {
    netflow5(2055, 0.0),
    netflow9(2055, 0.3),
    ipfix(4739, 0.3),
    sflow(6343, 0.3);

    private final int defaultPort;
    private final double ipv6Fraction;

    ExportProtocol(int defaultPort, double ipv6Fraction) {
        this.defaultPort = defaultPort;
        this.ipv6Fraction = ipv6Fraction;
    }

    /** The collector port the protocol usually goes to. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The share of IPv6 flows the protocol can carry in generated traffic. */
    public double ipv6Fraction() {
        return ipv6Fraction;
    }

    /** Whether the protocol sends templates (NetFlow v9, IPFIX), which {@code --template-refresh} resends. */
    public boolean hasTemplates() {
        return this == netflow9 || this == ipfix;
    }

    /** A new encoder with its own sequence state, for an exporter at 192.0.2.1. */
    public ExportEncoder newEncoder(Clock clock, int samplingInterval) {
        return newEncoder(clock, samplingInterval, SflowExportEncoder.DEFAULT_AGENT);
    }

    /** A new encoder with its own sequence state; sFlow datagrams name {@code exporter} as their agent. */
    public ExportEncoder newEncoder(Clock clock, int samplingInterval, InetAddress exporter) {
        return newEncoder(clock, ExporterSettings.of(samplingInterval, exporter));
    }

    /** A new encoder with its own sequence state for one exporter. */
    public ExportEncoder newEncoder(Clock clock, ExporterSettings exporter) {
        switch (this) {
            case netflow9:
                return new Netflow9ExportEncoder(clock, exporter);
            case ipfix:
                return new IpfixExportEncoder(clock, exporter);
            case sflow:
                return new SflowExportEncoder(clock, exporter.samplingInterval(), exporter.address());
            default:
                return new Netflow5ExportEncoder(clock, exporter);
        }
    }
}
