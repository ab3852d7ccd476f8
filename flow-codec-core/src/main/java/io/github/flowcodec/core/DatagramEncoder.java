package io.github.flowcodec.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes records into the datagrams an exporter sends, keeping what an exporter keeps between datagrams
 * (the sequence number; for NetFlow v9 and IPFIX the templates already sent and when to send them again).
 * The NetFlow v5, NetFlow v9 and IPFIX encoders take {@link FlowRecord}s, the sFlow encoder takes samples;
 * all four are used the same way: either let the encoder allocate each datagram, or write one datagram at a
 * time into a buffer of your own, allocation-free.
 *
 * <pre>{@code
 * DatagramEncoder<FlowRecord> encoder = Netflow9Encoder.builder().sourceId(7).maxDatagramSize(1400).build();
 * for (ByteBuffer datagram : encoder.encode(records)) {
 *     channel.send(datagram, collector);
 * }
 * // or into one buffer of your own, datagram after datagram:
 * ByteBuffer buffer = ByteBuffer.allocateDirect(encoder.maxDatagramSize());
 * for (int from = 0; from < records.size(); ) {
 *     buffer.clear();
 *     from += encoder.encode(records, from, buffer);
 *     channel.send(buffer.flip(), collector);
 * }
 * }</pre>
 *
 * <p>An encoder is for one thread at a time: it owns the exporter's sequence.
 *
 * @param <R> what one datagram carries a list of: {@link FlowRecord} (NetFlow v5, v9, IPFIX) or an sFlow sample
 */
public interface DatagramEncoder<R> {

    /**
     * Writes one datagram at the buffer's position (advanced past it), holding as many of {@code records},
     * from index {@code from}, as fit in {@code min(dst.remaining(), maxDatagramSize())} bytes, after anything
     * the protocol must send first (templates that are due).
     *
     * @param records the records to send
     * @param from the index of the first record to write
     * @param dst where the datagram goes
     * @return how many records the datagram holds
     * @throws EncodingException if not even one record (with what must precede it) fits, or a record cannot be
     *         carried by the protocol
     */
    int encode(List<? extends R> records, int from, ByteBuffer dst);

    /**
     * Encodes every record into as many new datagrams as they need (none for no records), each a flipped
     * big-endian buffer ready to send.
     *
     * @param records the records to send
     * @return the datagrams, in the order to send them
     * @throws EncodingException if a record does not fit in a datagram or cannot be carried by the protocol
     */
    default List<ByteBuffer> encode(List<? extends R> records) {
        List<ByteBuffer> out = new ArrayList<>();
        ByteBuffer scratch = ByteBuffer.allocate(maxDatagramSize());
        int from = 0;
        while (from < records.size()) {
            scratch.clear();
            from += encode(records, from, scratch);
            scratch.flip();
            out.add(ByteBuffer.allocate(scratch.remaining()).put(scratch).flip());
        }
        return out;
    }

    /**
     * The sequence number the next datagram will carry: flows sent so far for NetFlow v5, datagrams for
     * NetFlow v9 and sFlow, data records for IPFIX (each protocol's own rule).
     *
     * @return the unsigned 32-bit sequence number of the next datagram
     */
    long nextSequence();

    /**
     * The largest datagram this encoder writes, in bytes (the UDP payload).
     *
     * @return the maximum datagram size
     */
    int maxDatagramSize();
}
