package io.github.flowcodec.cli.internal.generate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * What tells one generated exporter from another, and how it exports.
 *
 * @param samplingInterval one packet in this many is sampled (1: not sampled)
 * @param address the exporter's address: the source of its packets in a pcap, and the agent address sFlow datagrams carry
 * @param index the exporter's number from 0: NetFlow v5 engine type/id {@code index / 256, index % 256}, NetFlow v9
 *              source id and IPFIX observation domain {@code index + 1}
 * @param templateRefresh NetFlow v9 and IPFIX: resend the templates (and the sampling options record) every this many
 *                        packets; 0: only at the start
 */
public record ExporterSettings(int samplingInterval, InetAddress address, int index, int templateRefresh) {

    /** Templates every 20 packets, as the codecs' encoders do by default. */
    public static final int DEFAULT_TEMPLATE_REFRESH = 20;

    public ExporterSettings {
        Objects.requireNonNull(address, "address");
        if (samplingInterval < 1 || index < 0 || templateRefresh < 0) {
            throw new IllegalArgumentException("sampling interval below 1, or a negative index or template refresh");
        }
    }

    /** One exporter at {@code address} with the default template refresh. */
    public static ExporterSettings of(int samplingInterval, InetAddress address) {
        return new ExporterSettings(samplingInterval, address, 0, DEFAULT_TEMPLATE_REFRESH);
    }

    /** The NetFlow v9 source id or IPFIX observation domain id of this exporter. */
    public long sourceId() {
        return index + 1L;
    }

    /** {@code first} plus {@code n}, counting up through the address as one big-endian number (wrapping around). */
    public static InetAddress plus(InetAddress first, long n) {
        byte[] b = first.getAddress();
        long carry = n;
        for (int i = b.length - 1; i >= 0 && carry != 0; i--) {
            long v = (b[i] & 0xFF) + carry;
            b[i] = (byte) v;
            carry = v >>> 8;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
