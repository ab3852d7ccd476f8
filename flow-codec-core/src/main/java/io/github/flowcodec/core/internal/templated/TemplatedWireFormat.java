package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * What a {@link TemplatedWriter} needs to know of one templated protocol's wire format (NetFlow v9 or
 * IPFIX): the header, the template set ids, template records, set padding, the sequence step and whether
 * templates can be withdrawn. The writer reads the numbers from fields and calls the functions once a
 * datagram or once a template, never once a record: the record loop stays monomorphic.
 *
 * <pre>{@code
 * // NetFlow v9: a 20-byte header, template sets 0 and 1, FlowSets padded to 4 bytes, no withdrawal,
 * // the sequence number counting packets
 * TemplatedWireFormat v9 = new TemplatedWireFormat(FlowProtocol.NETFLOW_V9, "packet", 20, 0, 1, 3, false, false,
 *         Netflow9Writer::check, Netflow9Writer::templateRecordLength, Netflow9Writer::templateRecord,
 *         (b, at, length, records, now, sequence, sourceId, boot) -> Netflow9Writer.header(b, at, 9, records,
 *                 now - boot, now / 1000, sequence, sourceId));
 * }</pre>
 *
 * @param protocol the protocol, for errors
 * @param datagramName what one datagram is called in errors ("packet", "message")
 * @param headerLength bytes of the datagram header
 * @param templateSetId the set id of template sets
 * @param optionsTemplateSetId the set id of options template sets
 * @param padMask sets are padded with zeros to a multiple of {@code padMask + 1} bytes (3: to 4; 0: not padded)
 * @param withdrawals whether templates can be withdrawn (IPFIX can, NetFlow v9 cannot)
 * @param sequenceCountsRecords whether the sequence number counts data records (IPFIX) or datagrams (v9)
 * @param check checks that the protocol can carry a template, or throws {@link IllegalArgumentException}
 *              naming what is wrong
 * @param templateLength bytes a template's template record takes (options template records included)
 * @param writeTemplate writes a template's template record at the position and advances it
 * @param header writes the header of an encoded datagram
 */
public record TemplatedWireFormat(FlowProtocol protocol, String datagramName, int headerLength, int templateSetId,
        int optionsTemplateSetId, int padMask, boolean withdrawals, boolean sequenceCountsRecords,
        Consumer<Template> check, ToIntFunction<Template> templateLength, BiConsumer<ByteBuffer, Template> writeTemplate,
        Header header) {

    /** Writes the header of an encoded datagram. */
    @FunctionalInterface
    public interface Header {

        /**
         * Writes the header at {@code at}.
         *
         * @param length the datagram's bytes, header included
         * @param records the template and data records it holds
         * @param nowMillis the export time in epoch milliseconds
         * @param sequence the sequence number (unsigned 32-bit)
         * @param exporterId the source id or observation domain (unsigned 32-bit)
         * @param bootMillis when the exporter booted, in epoch milliseconds (for an uptime field)
         */
        void write(ByteBuffer b, int at, int length, int records, long nowMillis, long sequence, long exporterId, long bootMillis);
    }

    public TemplatedWireFormat {
        if (((padMask + 1) & padMask) != 0) {
            throw new IllegalArgumentException("padMask + 1 is not a power of two: " + padMask);
        }
    }

    /** The set id of a template set ({@code options} false) or of an options template set (true). */
    public int templateSetId(boolean options) {
        return options ? optionsTemplateSetId : templateSetId;
    }

    /** How much the sequence number advances for a datagram holding {@code dataRecords} data records. */
    public long sequenceStep(int dataRecords) {
        return sequenceCountsRecords ? dataRecords : 1;
    }
}
