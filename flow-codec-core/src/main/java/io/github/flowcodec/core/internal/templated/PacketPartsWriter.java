package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Encodes the sets of a decoded NetFlow v9 packet or IPFIX message again from its {@link PacketParts}: each
 * set's header with the id and length it was sent with, its template records from the decoded
 * {@link Template}s (with the protocol's template record writer), its withdrawal records, its records from the
 * decoded {@link FlowRecord}s, and the bytes the decoder kept as they were. The caller writes the header.
 *
 * <pre>{@code
 * PacketPartsWriter.write(buffer, packet.parts(), Netflow9Writer::templateRecord, packet.templates(),
 *         packet.records(), packet.optionsRecords());
 * }</pre>
 */
public final class PacketPartsWriter {

    private PacketPartsWriter() {
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
