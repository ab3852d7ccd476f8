package io.github.flowcodec.cli.internal.generate;

import java.time.Clock;

/** The protocols {@code flowcodec generate} and {@code demo} can export. */
public enum ExportProtocol {
    netflow5(2055, 0.0),
    netflow9(2055, 0.3);

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

    /** A new encoder with its own sequence state. */
    public ExportEncoder newEncoder(Clock clock, int samplingInterval) {
        switch (this) {
            case netflow9:
                return new Netflow9ExportEncoder(clock, samplingInterval);
            default:
                return new Netflow5ExportEncoder(clock, samplingInterval);
        }
    }
}
