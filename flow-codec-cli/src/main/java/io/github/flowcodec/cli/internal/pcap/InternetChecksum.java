package io.github.flowcodec.cli.internal.pcap;

/** The 16-bit ones' complement sum of RFC 1071, used by the IPv4 and UDP headers. */
final class InternetChecksum {

    private long sum;

    /** Adds bytes, which are taken as big-endian 16-bit words; an odd last byte is zero-padded. */
    InternetChecksum add(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int at = offset;
        for (; at + 1 < end; at += 2) {
            sum += (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
        }
        if (at < end) {
            sum += (bytes[at] & 0xFF) << 8;
        }
        return this;
    }

    /** Adds a 16-bit word. */
    InternetChecksum add16(int word) {
        sum += word & 0xFFFF;
        return this;
    }

    /** Adds a 32-bit value as two 16-bit words. */
    InternetChecksum add32(long value) {
        return add16((int) (value >>> 16)).add16((int) value);
    }

    /** Returns the ones' complement of the folded sum: the value to store in a checksum field. */
    int finish() {
        long folded = sum;
        while ((folded >>> 16) != 0) {
            folded = (folded & 0xFFFF) + (folded >>> 16);
        }
        return (int) (~folded & 0xFFFF);
    }
}
