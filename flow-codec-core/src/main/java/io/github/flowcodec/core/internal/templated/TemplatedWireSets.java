package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes the sets of a NetFlow v9 packet or IPFIX message at the buffer's position, each advancing it:
 * the pieces of the {@link TemplatedWriter} and of the packet builders, and what rewriting a decoded datagram
 * byte for byte takes. Sets can be written in any order; the {@code length} given is written as the set's
 * length field as is (it may lie), and exactly the bytes described are written.
 *
 * <p>Rewriting a datagram byte for byte, every field as given:
 * <ol>
 *   <li>the header: {@code Netflow9Writer.header(b, at, version, count, sysUptime, unixSecs, sequence, sourceId)}
 *       or {@code IpfixWriter.header(b, at, version, length, exportSeconds, sequence, domain)} (absolute:
 *       write it first or last);</li>
 *   <li>a template or options template set holding given templates in a given order, then (IPFIX) given
 *       withdrawals, then given padding: {@link #templateSet};</li>
 *   <li>a data set of given records followed by an explicit number of padding bytes: {@link #dataSet};</li>
 *   <li>a set whose body is given as raw bytes: {@link #rawSet}.</li>
 * </ol>
 *
 * <pre>{@code
 * buffer.position(Ipfix.HEADER_LENGTH);
 * TemplatedWireSets.templateSet(buffer, IpfixWriter.FORMAT, Ipfix.TEMPLATE_SET_ID, 4 + 20, List.of(t), new int[0], 0);
 * TemplatedWireSets.dataSet(buffer, t.id(), 4 + 2 * t.recordLength(), List.of(r1, r2), 0);
 * TemplatedWireSets.rawSet(buffer, 999, 7, ByteBuffer.wrap(new byte[] {1, 2, 3}));
 * IpfixWriter.header(buffer, 0, Ipfix.VERSION, buffer.position(), exportSeconds, sequence, domain);
 * }</pre>
 */
public final class TemplatedWireSets {

    private TemplatedWireSets() {
    }

    /** Writes a set header: this set id and this length field. */
    public static void setHeader(ByteBuffer b, int setId, int length) {
        int at = b.position();
        b.putShort(at + TemplatedWireLayout.SET_ID, (short) setId);
        b.putShort(at + TemplatedWireLayout.SET_LENGTH, (short) length);
        b.position(at + TemplatedWireLayout.SET_HEADER_LENGTH);
    }

    /** Opens a set whose length {@link #closeSet} writes; the set's start. */
    public static int openSet(ByteBuffer b, int setId) {
        int setStart = b.position();
        setHeader(b, setId, 0);
        return setStart;
    }

    /** Pads the set opened at {@code setStart} with zeros to a multiple of {@code padMask + 1} bytes and writes its length. */
    public static void closeSet(ByteBuffer b, int setStart, int padMask) {
        zeros(b, padding(b.position() - setStart, padMask));
        b.putShort(setStart + TemplatedWireLayout.SET_LENGTH, (short) (b.position() - setStart));
    }

    /** Zero bytes that bring {@code length} to a multiple of {@code padMask + 1} (a power of two). */
    public static int padding(int length, int padMask) {
        return -length & padMask;
    }

    /** Writes {@code n} zero bytes. */
    public static void zeros(ByteBuffer b, int n) {
        for (int i = 0; i < n; i++) {
            b.put((byte) 0);
        }
    }

    /**
     * Writes a template or options template set: its header ({@code setId}, {@code length}), the template
     * records of {@code templates} in order, the withdrawal records of {@code withdrawnIds} in order (IPFIX:
     * the id, then a field count of 0), then {@code padding} zero bytes.
     */
    public static void templateSet(ByteBuffer b, TemplatedWireFormat format, int setId, int length, List<Template> templates,
            int[] withdrawnIds, int padding) {
        setHeader(b, setId, length);
        for (Template t : templates) {
            format.writeTemplate().accept(b, t);
        }
        for (int id : withdrawnIds) {
            withdrawalRecord(b, id);
        }
        zeros(b, padding);
    }

    /** Writes a withdrawal record: the template id, then a field count of 0. */
    public static void withdrawalRecord(ByteBuffer b, int templateId) {
        int at = b.position();
        b.putShort(at + TemplatedWireLayout.TEMPLATE_ID, (short) templateId);
        b.putShort(at + TemplatedWireLayout.TEMPLATE_FIELD_COUNT, (short) 0);
        b.position(at + TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH);
    }

    /** Writes a data set: its header ({@code setId}, {@code length}), the records in order, then {@code padding} zero bytes. */
    public static void dataSet(ByteBuffer b, int setId, int length, List<FlowRecord> records, int padding) {
        setHeader(b, setId, length);
        for (int i = 0; i < records.size(); i++) {
            records.get(i).writeTo(b);
        }
        zeros(b, padding);
    }

    /** Writes a set of any id whose body is the bytes remaining in {@code body} (not consumed). */
    public static void rawSet(ByteBuffer b, int setId, int length, ByteBuffer body) {
        setHeader(b, setId, length);
        b.put(body.duplicate());
    }

    /** Bytes the records take. */
    public static int length(List<FlowRecord> records) {
        int n = 0;
        for (int i = 0; i < records.size(); i++) {
            n += records.get(i).length();
        }
        return n;
    }
}
