package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.FlowRecord;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for NetFlow v5 records, headers and packets. */
final class Netflow5Arbitraries {

    private Netflow5Arbitraries() {
    }

    /** Records with every field drawn over its whole range, padding included. */
    static Arbitrary<FlowRecord> records() {
        Arbitrary<Integer> ipv4 = Arbitraries.integers();
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<FlowRecord> typed = Combinators.combine(
                Combinators.combine(ipv4, ipv4, ipv4, u16, u16, u32, u32, u32).as((s, d, n, in, out, p, o, f) ->
                        Netflow5RecordBuilder.create().ipv4(Netflow5.SRC_ADDR, s).ipv4(Netflow5.DST_ADDR, d)
                                .ipv4(Netflow5.NEXT_HOP, n).input(in).output(out).packets(p).octets(o).first(f)),
                Combinators.combine(u32, u16, u16, u8, u8, u8, u16, u16).as((l, sp, dp, fl, pr, tos, sa, da) ->
                        new long[] {l, sp, dp, fl, pr, tos, sa, da}),
                Combinators.combine(u8, u8, u8, u16).as((sm, dm, p1, p2) -> new int[] {sm, dm, p1, p2}))
                .as((b, v, w) -> b.last(v[0]).srcPort((int) v[1]).dstPort((int) v[2]).tcpFlags((int) v[3])
                        .protocol((int) v[4]).tos((int) v[5]).srcAs((int) v[6]).dstAs((int) v[7])
                        .srcMask(w[0]).dstMask(w[1]).padding(w[2], w[3]).build());
        Arbitrary<FlowRecord> raw = Arbitraries.bytes().array(byte[].class).ofSize(Netflow5.RECORD_LENGTH)
                .map(bytes -> FlowRecord.of(Netflow5.TEMPLATE, bytes));
        return Arbitraries.oneOf(typed, raw);
    }

    static Arbitrary<Netflow5Header> headers(int count) {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        return Combinators.combine(u32, u32, Arbitraries.longs().between(0, 999_999_999L), u32, u8, u8,
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 0x3FFF))
                .as((up, secs, nanos, seq, et, ei, mode, interval) ->
                        new Netflow5Header(count, up, secs, nanos, seq, et, ei, mode, interval));
    }

    /** Valid datagrams: a header whose count matches 0 to 30 records. */
    static Arbitrary<byte[]> packets() {
        return records().list().ofMinSize(0).ofMaxSize(Netflow5.MAX_RECORDS).flatMap(rs ->
                headers(rs.size()).map(h -> write(h, rs)));
    }

    /**
     * Packets as the decoder gives them: 0 to 30 records under a header whose count is theirs or, as a
     * lenient decoder keeps it, a larger lie.
     */
    static Arbitrary<Netflow5Packet> decodedPackets(InetSocketAddress exporter) {
        return records().list().ofMinSize(0).ofMaxSize(Netflow5.MAX_RECORDS).flatMap(rs ->
                Arbitraries.oneOf(Arbitraries.just(rs.size()), Arbitraries.integers().between(rs.size(), 0xFFFF))
                        .flatMap(count -> headers(count).map(h -> new Netflow5Packet(h, exporter, rs))));
    }

    static byte[] write(Netflow5Header header, List<FlowRecord> records) {
        ByteBuffer b = ByteBuffer.allocate(Netflow5.HEADER_LENGTH + records.size() * Netflow5.RECORD_LENGTH);
        Netflow5Encoder.write(header, records, b);
        return b.array();
    }
}
