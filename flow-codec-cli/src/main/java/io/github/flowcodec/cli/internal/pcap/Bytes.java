package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteOrder;

/** Reads unsigned integers out of byte arrays in a given byte order. */
final class Bytes {

    private Bytes() {}

    static int u16(byte[] b, int at, ByteOrder order) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return order == ByteOrder.BIG_ENDIAN ? b0 << 8 | b1 : b1 << 8 | b0;
    }

    static long u32(byte[] b, int at, ByteOrder order) {
        long high = u16(b, order == ByteOrder.BIG_ENDIAN ? at : at + 2, order);
        long low = u16(b, order == ByteOrder.BIG_ENDIAN ? at + 2 : at, order);
        return high << 16 | low;
    }

    static long u64(byte[] b, int at, ByteOrder order) {
        long high = u32(b, order == ByteOrder.BIG_ENDIAN ? at : at + 4, order);
        long low = u32(b, order == ByteOrder.BIG_ENDIAN ? at + 4 : at, order);
        return high << 32 | low;
    }
}
