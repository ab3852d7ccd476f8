package io.github.flowcodec.bench;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.ipfix.IpfixEncoder;
import io.github.flowcodec.sflow.SflowDatagram;
import io.github.flowcodec.sflow.SflowEncoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The whole receive path of a collector, as {@code flowcodec listen} runs it: datagrams from many exporters
 * of all four protocols, interleaved, through one auto-detecting decoder per thread (one template store
 * shared by the threads, each exporter always on the same thread), each record handed to a consumer that
 * reads what a collector stores (addresses, ports, protocol, bytes, packets, sampling rate) by element.
 *
 * <p>{@value #EXPORTERS} exporters, a quarter each NetFlow v5 (30 records a datagram), NetFlow v9 and IPFIX
 * (the 18-field IPv4 template of {@link Netflow9Traffic}, 30 records, data-only datagrams after a template
 * datagram sent in the setup) and sFlow v5 (7 flow samples of Ethernet/IPv4/TCP headers a datagram).
 * Thread {@code t} of {@code T} takes the exporters {@code e} with {@code e % T == t}, one datagram of each
 * in turn. Run with {@code -t 1} and {@code -t 2}; the {@code records} counter is records per second
 * (over all threads), and {@code -prof gc}'s B/op divided by records per op gives bytes per record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReceivePathBenchmark {

    static final int EXPORTERS = 256;
    static final int DATAGRAMS_PER_EXPORTER = 4;
    static final long SEED = 0x5EED_0A11L;

    /** Every exporter's datagrams and template datagrams; built once, shared read-only by the threads. */
    @State(Scope.Benchmark)
    public static class Traffic {
        final InetSocketAddress[] exporters = new InetSocketAddress[EXPORTERS];
        final byte[][][] datagrams = new byte[EXPORTERS][][];
        final byte[][] templates = new byte[EXPORTERS][];
        final TemplateStore store = TemplateStore.inMemory();

        @Setup
        public void build() throws UnknownHostException {
            Netflow5Traffic v5 = new Netflow5Traffic(SEED);
            Netflow9Traffic v9 = new Netflow9Traffic(SEED + 1);
            SflowTraffic sflow = new SflowTraffic(SEED + 2);
            Template t = Netflow9Traffic.ipv4Template();
            for (int e = 0; e < EXPORTERS; e++) {
                InetAddress address = InetAddress.getByAddress(new byte[] {10, (byte) (e >> 8), (byte) e, 1});
                exporters[e] = new InetSocketAddress(address, 40_000 + e);
                byte[][] d = new byte[DATAGRAMS_PER_EXPORTER][];
                switch (e % 4) {
                    case 0 -> {
                        for (int i = 0; i < d.length; i++) {
                            d[i] = Netflow5Traffic.datagram(v5.records(30, Netflow5Traffic.UPTIME_BASE + i * 1000L), i, 30L * i, 0);
                        }
                    }
                    case 1 -> {
                        templates[e] = Netflow9Traffic.templatePacket(t, e);
                        for (int i = 0; i < d.length; i++) {
                            d[i] = Netflow9Traffic.datagram(v9.records(t, 30, Netflow9Traffic.UPTIME_BASE + i * 1000L), i, 1 + i, e);
                        }
                    }
                    case 2 -> {
                        IpfixEncoder enc = IpfixEncoder.builder().observationDomainId(e).maxDatagramSize(1400)
                                .templateRefreshDatagrams(0).templateRefreshInterval(java.time.Duration.ZERO)
                                .clock(() -> 1_700_000_000_000L).build();
                        ByteBuffer first = ByteBuffer.allocate(1500); // the templates, with the first records
                        enc.encode(v9.records(t, 30, Netflow9Traffic.UPTIME_BASE), 0, first);
                        templates[e] = bytes(first.flip());
                        for (int i = 0; i < d.length; i++) {
                            List<FlowRecord> records = v9.records(t, 30, Netflow9Traffic.UPTIME_BASE + i * 1000L);
                            ByteBuffer out = ByteBuffer.allocate(1500);
                            enc.encode(records, 0, out);
                            d[i] = bytes(out.flip());
                        }
                    }
                    default -> {
                        for (int i = 0; i < d.length; i++) {
                            d[i] = SflowEncoder.toBytes(new SflowDatagram(address, 0, 1 + i, 3_600_000L + i, sflow.samples(7)));
                        }
                    }
                }
                datagrams[e] = d;
            }
        }

        private static byte[] bytes(ByteBuffer b) {
            byte[] out = new byte[b.remaining()];
            b.duplicate().get(out);
            return out;
        }
    }

    /** Records per second, reported by JMH beside the datagrams per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long records;

        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
        }
    }

    /** One collector thread: its decoder, its exporters' datagrams in turn, its consumer. */
    @State(Scope.Thread)
    public static class Worker {
        DatagramDecoder<?> decoder;
        ByteBuffer[] queue;
        InetSocketAddress[] from;
        int next;
        final Consumer consumer = new Consumer();

        @Setup
        public void setUp(Traffic traffic, ThreadParams thread) {
            decoder = FlowDecoders.autoDetecting(DecoderOptions.builder().mode(DecodeMode.LENIENT)
                    .templateStore(traffic.store).build());
            List<ByteBuffer> q = new ArrayList<>();
            List<InetSocketAddress> f = new ArrayList<>();
            for (int e = thread.getThreadIndex(); e < EXPORTERS; e += thread.getThreadCount()) {
                if (traffic.templates[e] != null) {
                    decoder.decode(ByteBuffer.wrap(traffic.templates[e]), traffic.exporters[e]);
                }
            }
            for (int i = 0; i < DATAGRAMS_PER_EXPORTER; i++) {
                for (int e = thread.getThreadIndex(); e < EXPORTERS; e += thread.getThreadCount()) {
                    q.add(ByteBuffer.wrap(traffic.datagrams[e][i]));
                    f.add(traffic.exporters[e]);
                }
            }
            queue = q.toArray(ByteBuffer[]::new);
            from = f.toArray(InetSocketAddress[]::new);
        }
    }

    /** What a collector keeps of each record, read by element as a generic consumer must. */
    static final class Consumer implements FlowRecordHandler<ExportContext> {
        static final InformationElement SRC4 = Iana.SOURCE_IPV4_ADDRESS;
        static final InformationElement DST4 = Iana.DESTINATION_IPV4_ADDRESS;
        static final InformationElement SRC_PORT = Iana.SOURCE_TRANSPORT_PORT;
        static final InformationElement DST_PORT = Iana.DESTINATION_TRANSPORT_PORT;
        static final InformationElement PROTO = Iana.PROTOCOL_IDENTIFIER;
        static final InformationElement BYTES = Iana.OCTET_DELTA_COUNT;
        static final InformationElement PACKETS = Iana.PACKET_DELTA_COUNT;
        long sum;

        @Override
        public void onRecord(ExportContext ctx, RecordView r) {
            long s = r.getLong(SRC4, 0) + r.getLong(DST4, 0) + r.getLong(SRC_PORT, 0) + r.getLong(DST_PORT, 0);
            s += r.getLong(PROTO, 0) + r.getLong(BYTES, 0) + r.getLong(PACKETS, 0);
            sum += s + ctx.samplingRate();
        }
    }

    @Benchmark
    public long receive(Worker w, Counters c) {
        int i = w.next;
        w.next = i + 1 == w.queue.length ? 0 : i + 1;
        int n = w.decoder.decode(w.queue[i], w.from[i], w.consumer);
        c.records += n;
        return w.consumer.sum + n;
    }
}
