package io.github.flowcodec.cli.internal.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Writes UDP datagrams to a classic pcap stream: little-endian, microsecond timestamps, link type
 * Ethernet, snapshot length 262144.
 *
 * <p>Each datagram becomes an Ethernet II frame between two made-up, locally administered MAC
 * addresses, with an IPv4 or IPv6 header and a UDP header whose checksums are correct.
 * Timestamps are truncated to microseconds. Instances are not thread-safe.
 */
public final class PcapWriter implements Closeable {

    /** The snapshot length written in the file header. */
    public static final int SNAP_LENGTH = 262_144;

    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int RECORD_HEADER_LENGTH = 16;
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;

    private final OutputStream out;
    private long packetsWritten;

    private PcapWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the pcap file header to a stream and returns a writer for its records.
     *
     * @param out the stream; the writer takes ownership and closes it on {@link #close()}. Wrap it
     *     in a {@link java.io.BufferedOutputStream} if it is unbuffered: each record is one write.
     * @return the writer
     * @throws IOException if writing the header fails
     */
    public static PcapWriter open(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4);
        header.putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(LinkType.ETHERNET);
        out.write(header.array());
        return new PcapWriter(out);
    }

    /**
     * Appends a UDP datagram.
     *
     * @param timestampNanos the capture time in nanoseconds since the epoch, from 1970 to 2106
     * @param src the source address, IPv4 or IPv6
     * @param srcPort the source port, 0 to 65535
     * @param dst the destination address, of the same family as {@code src}
     * @param dstPort the destination port, 0 to 65535
     * @param payload the payload: at most 65507 bytes over IPv4, 65527 over IPv6
     * @throws IllegalArgumentException if an argument is out of range or the families differ
     * @throws IOException if writing fails
     */
    public void writeUdp(
            long timestampNanos, InetAddress src, int srcPort, InetAddress dst, int dstPort,
            byte[] payload) throws IOException {
        writeUdp(timestampNanos, src, srcPort, dst, dstPort, ByteBuffer.wrap(payload));
    }

    /**
     * Appends a UDP datagram whose payload runs from the buffer's position to its limit; the buffer
     * is not modified. See {@link #writeUdp(long, InetAddress, int, InetAddress, int, byte[])}.
     *
     * @param timestampNanos the capture time in nanoseconds since the epoch, from 1970 to 2106
     * @param src the source address, IPv4 or IPv6
     * @param srcPort the source port, 0 to 65535
     * @param dst the destination address, of the same family as {@code src}
     * @param dstPort the destination port, 0 to 65535
     * @param payload the payload
     * @throws IllegalArgumentException if an argument is out of range or the families differ
     * @throws IOException if writing fails
     */
    public void writeUdp(
            long timestampNanos, InetAddress src, int srcPort, InetAddress dst, int dstPort,
            ByteBuffer payload) throws IOException {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(payload, "payload");
        checkTimestamp(timestampNanos);
        int identification = (int) ((packetsWritten + 1) & 0xFFFF);
        byte[] frame =
                UdpFrameBuilder.ethernetFrame(src, srcPort, dst, dstPort, payload, identification);
        writeRecord(timestampNanos, frame);
    }

    /**
     * Appends a datagram, for example one read by {@link UdpDatagramExtractor}. Its packet number
     * is not kept: records are numbered by their position in the output.
     *
     * @param datagram the datagram
     * @throws IllegalArgumentException if the datagram cannot be written, see {@link #writeUdp}
     * @throws IOException if writing fails
     */
    public void write(UdpDatagram datagram) throws IOException {
        writeUdp(
                datagram.timestampNanos(),
                datagram.srcAddress(),
                datagram.srcPort(),
                datagram.dstAddress(),
                datagram.dstPort(),
                datagram.payload());
    }

    /**
     * Returns how many records have been written.
     *
     * @return the record count
     */
    public long packetsWritten() {
        return packetsWritten;
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeRecord(long timestampNanos, byte[] frame) throws IOException {
        long seconds = Math.floorDiv(timestampNanos, Timestamps.NANOS_PER_SECOND);
        long micros = Math.floorMod(timestampNanos, Timestamps.NANOS_PER_SECOND) / 1_000;
        ByteBuffer record =
                ByteBuffer.allocate(RECORD_HEADER_LENGTH + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) seconds).putInt((int) micros);
        record.putInt(frame.length).putInt(frame.length).put(frame);
        out.write(record.array());
        packetsWritten++;
    }

    private static void checkTimestamp(long timestampNanos) {
        long seconds = Math.floorDiv(timestampNanos, Timestamps.NANOS_PER_SECOND);
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(
                    "timestamp " + timestampNanos + " ns is outside the range of a pcap file");
        }
    }
}
