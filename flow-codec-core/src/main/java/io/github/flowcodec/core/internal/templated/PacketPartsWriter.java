package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplatedFlowPacket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Encodes the sets of a decoded NetFlow v9 packet or IPFIX message again from its {@link PacketParts}: each
 * set's header with the id and length it was sent with, its template records from the decoded
 * {@link Template}s (with the protocol's template record writer), its withdrawal records, its records from the
 * decoded {@link FlowRecord}s, and the bytes the decoder kept as they were; {@link #datagram} writes the
 * header before them.
 *
 * <pre>{@code
 * byte[] again = PacketPartsWriter.datagram(packet, packet.parts(), Netflow9Layout.HEADER_LENGTH,
 *         b -> Netflow9Writer.header(b, 0, ...), Netflow9Writer::templateRecord, "packet");
 * }</pre>
 */
public final class PacketPartsWriter {

    /** The most a UDP datagram carries. */
    private static final int MAX_DATAGRAM = 0xFFFF;

    private PacketPartsWriter() {
    }

    /**
     * The datagram of a decoded packet again: its header, then its sets ({@link #write}).
     *
     * @param parts how the packet lay on the wire, {@code null} for a packet of released data
     * @param headerLength the protocol's header length, where the sets start
     * @param header writes the packet's header at offset 0
     * @param templateRecord writes one template record (plain or options) at the position
     * @param unit what the protocol calls a packet ("packet", "message"), for the error
     * @return the datagram's bytes
     * @throws IllegalArgumentException if the packet holds only data released from an earlier one
     */
    public static byte[] datagram(TemplatedFlowPacket<?> packet, PacketParts parts, int headerLength,
            Consumer<ByteBuffer> header, BiConsumer<ByteBuffer, Template> templateRecord, String unit) {
        if (parts == null) {
            throw new IllegalArgumentException("the " + unit + " holds data released from an earlier " + unit + ", not a "
                    + unit + " as sent");
        }
        ByteBuffer b = ByteBuffer.allocate(headerLength + MAX_DATAGRAM);
        header.accept(b);
        b.position(headerLength);
        write(b, parts, templateRecord, packet.templates(), packet.records(), packet.optionsRecords());
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Writes the sets at the buffer's position, advancing it.
     *
     * @param templateRecord writes one template record (plain or options) at the position
     * @param templates the templates the packet defined, in their order
     * @param records the packet's data records, in their order
     * @param optionsRecords the packet's options records, in their order
     * @throws java.nio.BufferOverflowException if the buffer is too small
     */
    public static void write(ByteBuffer b, PacketParts parts, BiConsumer<ByteBuffer, Template> templateRecord,
            List<Template> templates, List<FlowRecord> records, List<FlowRecord> optionsRecords) {
        int nextTemplate = 0;
        int nextRecord = 0;
        int nextOptions = 0;
        int setStart = -1;
        int setLength = 0;
        PacketParts.Reader r = parts.reader();
        while (r.next()) {
            switch (r.op()) {
                case PacketParts.SET:
                    setStart = TemplatedWireSets.openSet(b, r.argument());
                    break;
                case PacketParts.SET_LENGTH:
                    setLength = r.argument();
                    break;
                case PacketParts.TEMPLATE:
                    templateRecord.accept(b, templates.get(nextTemplate++));
                    break;
                case PacketParts.WITHDRAWAL:
                    TemplatedWireSets.withdrawalRecord(b, r.argument());
                    break;
                case PacketParts.RECORDS:
                    for (int i = 0; i < r.argument(); i++) {
                        records.get(nextRecord++).writeTo(b);
                    }
                    break;
                case PacketParts.OPTIONS_RECORDS:
                    for (int i = 0; i < r.argument(); i++) {
                        optionsRecords.get(nextOptions++).writeTo(b);
                    }
                    break;
                case PacketParts.SKIPPED_RECORDS:
                    nextRecord += r.argument();
                    break;
                case PacketParts.SKIPPED_OPTIONS_RECORDS:
                    nextOptions += r.argument();
                    break;
                case PacketParts.BYTES:
                    b.put(r.bytes());
                    break;
                case PacketParts.END_SET:
                    b.putShort(setStart + TemplatedWireLayout.SET_LENGTH, (short) setLength);
                    break;
                default:
                    throw new IllegalStateException("unknown part " + r.op());
            }
        }
    }
}
