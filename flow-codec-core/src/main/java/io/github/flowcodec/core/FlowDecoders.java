package io.github.flowcodec.core;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the protocol decoders on the module or class path and builds a decoder that takes every
 * protocol on one port: it reads the version from the first bytes of each datagram (u16 5, 9 or 10 for
 * NetFlow v5, v9 and IPFIX; u32 5 for sFlow v5) and hands the datagram to that protocol's decoder.
 *
 * <pre>{@code
 * DatagramDecoder<ExportContext> decoder = FlowDecoders.autoDetecting(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * while (running) {
 *     buffer.clear();
 *     InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
 *     buffer.flip();
 *     try {
 *         decoder.decode(buffer, from, (ctx, record) -> sink.write(ctx, record));
 *     } catch (FlowCodecException e) {
 *         errors.increment();
 *     }
 * }
 * }</pre>
 */
public final class FlowDecoders {

    private FlowDecoders() {
    }

    /**
     * The providers found by {@link ServiceLoader} in this module's layer or on the class path.
     *
     * @return the providers, one per protocol module present
     */
    public static List<FlowDecoderProvider> providers() {
        List<FlowDecoderProvider> out = new ArrayList<>();
        ServiceLoader.load(FlowDecoderProvider.class, FlowDecoders.class.getClassLoader()).forEach(out::add);
        if (out.isEmpty()) {
            ServiceLoader.load(FlowDecoderProvider.class).forEach(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The provider of {@code protocol}, if its module is present.
     *
     * @param protocol the protocol
     * @return the provider, or empty if the protocol's module is not present
     */
    public static Optional<FlowDecoderProvider> provider(FlowProtocol protocol) {
        return providers().stream().filter(p -> p.protocol() == protocol).findFirst();
    }

    /**
     * The protocol a datagram announces in its first bytes (from its position), if any: u16 5, 9, 10 for
     * NetFlow v5, NetFlow v9, IPFIX; u32 5 for sFlow v5.
     *
     * @param datagram the datagram; its position and limit are not changed
     * @return the protocol, or empty if the first bytes announce none of the four
     */
    public static Optional<FlowProtocol> detect(ByteBuffer datagram) {
        return Optional.ofNullable(protocolOf(datagram));
    }

    /** As {@link #detect}, null for none: the per-datagram path, which allocates nothing. */
    private static FlowProtocol protocolOf(ByteBuffer datagram) {
        int p = datagram.position();
        if (datagram.limit() - p < 2) {
            return null;
        }
        int v16 = ((datagram.get(p) & 0xFF) << 8) | (datagram.get(p + 1) & 0xFF);
        switch (v16) {
            case 5: return FlowProtocol.NETFLOW_V5;
            case 9: return FlowProtocol.NETFLOW_V9;
            case 10: return FlowProtocol.IPFIX;
            case 0:
                if (datagram.limit() - p >= 4 && datagram.get(p + 2) == 0 && datagram.get(p + 3) == 5) {
                    return FlowProtocol.SFLOW_V5;
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * A decoder for every protocol found by {@link #providers()}, picking one per datagram.
     *
     * @param options the options every protocol's decoder gets
     * @return a decoder for one thread that decodes every protocol present
     */
    public static DatagramDecoder<ExportContext> autoDetecting(DecoderOptions options) {
        return new AutoDetecting(providers(), options);
    }

    private static final class AutoDetecting implements DatagramDecoder<ExportContext> {
        private final Map<FlowProtocol, DatagramDecoder<?>> decoders = new EnumMap<>(FlowProtocol.class);

        AutoDetecting(List<FlowDecoderProvider> providers, DecoderOptions options) {
            // One template store for all the protocols of this decoder: scopes keep their templates apart.
            DecoderOptions shared = options.toBuilder().templateStore(options.templateStore()).build();
            for (FlowDecoderProvider p : providers) {
                decoders.putIfAbsent(p.protocol(), p.newDecoder(shared));
            }
        }

        private DatagramDecoder<?> pick(ByteBuffer datagram) {
            FlowProtocol protocol = protocolOf(datagram);
            if (protocol == null) {
                throw new UnsupportedVersionException(null, 0, describe(datagram));
            }
            DatagramDecoder<?> d = decoders.get(protocol);
            if (d == null) {
                throw new UnsupportedVersionException(protocol, 0, protocol + " recognised, but its module is not on the module or class path");
            }
            return d;
        }

        private static String describe(ByteBuffer datagram) {
            int n = datagram.remaining();
            if (n < 2) {
                return "a datagram of " + n + " bytes cannot hold a version number";
            }
            int p = datagram.position();
            int v16 = ((datagram.get(p) & 0xFF) << 8) | (datagram.get(p + 1) & 0xFF);
            return "no flow protocol has version " + v16 + " (NetFlow v5, v9, IPFIX or sFlow v5 expected)";
        }

        @Override
        public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<? super ExportContext> handler) {
            return pick(datagram).decode(datagram, exporter, handler);
        }

        @Override
        public FlowPacket decode(ByteBuffer datagram, InetSocketAddress exporter) {
            return pick(datagram).decode(datagram, exporter);
        }

        /** The sum of every protocol decoder's counters (their own extras under their protocol's key). */
        @Override
        public DecoderCounters counters() {
            java.util.List<DecoderCounters> parts = new java.util.ArrayList<>();
            decoders.values().forEach(d -> parts.add(d.counters()));
            return DecoderCounters.sum(parts);
        }

        /** Each protocol decoder's statistics, one after the other (their keys name their protocol). */
        @Override
        public Map<String, Long> statistics() {
            Map<String, Long> all = new java.util.LinkedHashMap<>();
            decoders.values().forEach(d -> all.putAll(d.statistics()));
            return java.util.Collections.unmodifiableMap(all);
        }
    }
}
