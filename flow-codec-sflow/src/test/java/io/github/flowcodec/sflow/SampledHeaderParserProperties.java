package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The sampled-header parser's one-pass common case (Ethernet, 802.1Q tags, IPv4, transport) gives the view exactly
 * what the general parse gives ({@code start} then {@code link}), for headers near that case: tags, lengths, IHLs,
 * fragment fields, protocols and cuts chosen to cross each of its conditions. And the flow mapper, which maps such
 * headers straight from their bytes, gives the records (and the context's sampled header) that mapping the parsed
 * header gives.
 */
class SampledHeaderParserProperties {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 6343);

    @Property(tries = 2000)
    void commonHeadersMapAsParsedHeaders(@ForAll("headers") byte[] header, @ForAll("protocols") int headerProtocol,
            @ForAll("vlans") long inVlan, @ForAll("vlans") long outVlan, @ForAll boolean withSwitch, @ForAll boolean withRouter)
            throws Exception {
        List<FlowData> records = new ArrayList<>();
        records.add(new FlowData.RawPacketHeader(headerProtocol, 1000 + header.length, 4, header));
        if (withSwitch) {
            records.add(new FlowData.ExtendedSwitch(inVlan, 1, outVlan, 2));
        }
        if (withRouter) {
            records.add(new FlowData.ExtendedRouter(InetAddress.getByName("198.51.100.7"), 24, 16));
        }
        FlowSample sample = FlowSample.compact(7, 0, 3, 512, 100_000, 2, 11, 0x3FFF_FFFF, records);
        byte[] bytes = SflowEncoder.toBytes(new SflowDatagram(InetAddress.getByName("192.0.2.1"), 0, 1, 1000,
                List.of(sample, sample)));
        SflowDecoder common = SflowDecoder.builder().mode(io.github.flowcodec.core.DecodeMode.LENIENT).build();
        SflowDecoder parsed = SflowDecoder.builder().mode(io.github.flowcodec.core.DecodeMode.LENIENT).build();
        parsed.mapper.commonHeaders(false);
        assertThat(mapped(common, bytes, true)).isEqualTo(mapped(parsed, bytes, true));
        assertThat(mapped(common, bytes, false)).isEqualTo(mapped(parsed, bytes, false));
        assertThat(common.counters().toString()).isEqualTo(parsed.counters().toString());
    }

    /** Each flow record the decoder hands over and, when {@code askHeader}, the context's sampled header. */
    private static List<String> mapped(SflowDecoder decoder, byte[] bytes, boolean askHeader) {
        List<String> out = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(bytes), EXPORTER, (ctx, r) -> {
            FlowRecord record = r.toRecord();
            out.add(record.template().id() + " " + record);
            if (askHeader) {
                SampledHeaderView h = ((SflowSampleView) ctx).sampledHeader();
                out.add(h == null ? "no header" : state(h));
            }
        });
        return out;
    }

    @Provide
    Arbitrary<Long> vlans() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 4095), Arbitraries.longs().between(0, 0xFFFF_FFFFL));
    }

    @Property(tries = 3000)
    void theCommonCaseParsesAsTheGeneralParse(@ForAll("headers") byte[] header, @ForAll("protocols") int headerProtocol) {
        byte[] padded = new byte[header.length + 7];
        System.arraycopy(header, 0, padded, 3, header.length);
        SampledHeaderView fast = new SampledHeaderView();
        SampledHeaderParser.parse(fast, padded, 3, 3 + header.length, headerProtocol);
        SampledHeaderView general = new SampledHeaderView();
        SampledHeaderParser.start(general, headerProtocol);
        general.base = 3;
        SampledHeaderParser.link(general, padded, 3, 3 + header.length);
        assertThat(state(fast)).isEqualTo(state(general));
    }

    @Provide
    Arbitrary<Integer> protocols() {
        return Arbitraries.of(Sflow.HEADER_ETHERNET, Sflow.HEADER_ETHERNET, Sflow.HEADER_ETHERNET, Sflow.HEADER_ETHERNET,
                Sflow.HEADER_IPV4, Sflow.HEADER_MPLS, 0);
    }

    @Provide
    Arbitrary<byte[]> headers() {
        Arbitrary<Integer> tags = Arbitraries.integers().between(0, 10);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(80).ofMaxSize(80);
        return noise.flatMap(b -> tags.flatMap(n -> Arbitraries.integers().between(0, 1 << 16).flatMap(choice ->
                Arbitraries.integers().between(0, 80).map(cut -> header(b.clone(), n, choice, cut)))));
    }

    /** Ethernet, {@code tags} tags, then mostly IPv4 with the fields {@code choice} picks, cut to {@code cut} bytes. */
    private static byte[] header(byte[] b, int tags, int choice, int cut) {
        int[] tagTypes = {0x8100, 0x88A8, 0x9100, 0x9200, 0x8100};
        int p = 12;
        for (int i = 0; i < tags && p + 4 <= b.length; i++) {
            put16(b, p, tagTypes[(choice + i) % tagTypes.length]);
            p += 4;
        }
        if (p + 2 > b.length) {
            return Arrays.copyOf(b, cut);
        }
        int[] types = {0x0800, 0x0800, 0x0800, 0x86DD, 0x8847, 0x0600};
        put16(b, p, types[(choice >>> 3) % types.length]);
        p += 2;
        if (p + 20 <= b.length) {
            int[] vihl = {0x45, 0x45, 0x45, 0x46, 0x4F, 0x44, 0x65};
            b[p] = (byte) vihl[(choice >>> 6) % vihl.length];
            if ((choice & 0x200) == 0) {
                put16(b, p + 6, (choice & 0x400) == 0 ? 0x4000 : 0x2000);   // DF or MF, offset 0
            }
            int[] protocols = {6, 6, 6, 17, 1, 132, 136, 58, 47};
            b[p + 9] = (byte) protocols[(choice >>> 11) % protocols.length];
            if ((choice & 0xC000) != 0) {   // cut inside the transport header, where its fields stop fitting
                cut = p + (b[p] & 0xF) * 4 + cut % 16;
            }
        }
        return Arrays.copyOf(b, Math.min(cut, b.length));
    }

    private static void put16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    /** Every field the view holds (the tags and labels it counts). */
    private static String state(SampledHeaderView v) {
        return v.present + " " + v.headerProtocol + " " + v.destinationMac + " " + v.sourceMac + " " + v.ethernetType + " "
                + Arrays.toString(Arrays.copyOf(v.vlanTci, v.vlanCount)) + " " + Arrays.toString(Arrays.copyOf(v.mpls, v.mplsCount))
                + " " + v.ipVersion + " " + v.ipOffset + " " + v.tos + " " + v.ttl + " " + v.protocol + " " + v.nextHeader + " "
                + v.sourceIpv4 + " " + v.destinationIpv4 + " " + v.flowLabel + " " + v.fragmentId + " " + v.fragmentOffset + " "
                + v.moreFragments + " " + v.extensionHeaders + " " + v.sourcePort + " " + v.destinationPort + " " + v.tcpFlags
                + " " + v.icmpType + " " + v.icmpCode + " " + v.transportOffset + " " + v.problem + " " + v.base + " "
                + (v.ipVersion == 6 ? Arrays.toString(v.sourceIpv6) + Arrays.toString(v.destinationIpv6) : "");
    }
}
