package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.core.internal.templated.TemplatedWireSetList;
import io.github.flowcodec.core.internal.templated.TemplatedWireSets;
import io.github.flowcodec.netflow9.internal.Netflow9Layout;
import io.github.flowcodec.netflow9.internal.Netflow9Writer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Crafts one NetFlow v9 packet FlowSet by FlowSet, valid or broken on purpose, for tests of collectors and
 * decoders. Sets are written in the order they are added; the header count defaults to the number of
 * template and data records written.
 *
 * <pre>{@code
 * byte[] valid = Netflow9PacketBuilder.create().sequence(1).sourceId(0)
 *         .templates(template)
 *         .data(record1, record2)
 *         .toBytes();
 * byte[] broken = Netflow9PacketBuilder.create()
 *         .data(record1)                        // its template never sent
 *         .rawTemplate(300, 8, 4, 12, 0)         // a field of length 0
 *         .declaredSetLength(9999)               // the last FlowSet claims to run past the end
 *         .declaredCount(42)                     // a lying count
 *         .trailing(new byte[12])                // Palo Alto style padding
 *         .truncateTo(200)                       // and the datagram is cut
 *         .toBytes();
 * }</pre>
 */
public final class Netflow9PacketBuilder {

    private int version = Netflow9.VERSION;
    private Integer count;
    private long sysUptime = 1_000_000;
    private long unixSeconds = 1_700_000_000;
    private long sequence;
    private long sourceId;
    private final TemplatedWireSetList sets = new TemplatedWireSetList("FlowSet");
    private int records;
    private byte[] trailing = new byte[0];
    private int truncateTo = -1;

    private Netflow9PacketBuilder() {
    }

    /**
     * A builder for a packet with no FlowSets yet.
     *
     * @return a builder whose header is version 9, every other header field 0
     */
    public static Netflow9PacketBuilder create() {
        return new Netflow9PacketBuilder();
    }

    /**
     * The header's version (9 unless you want a wrong one).
     *
     * @param version the header's version field, 0 to 65535
     * @return this builder
     */
    public Netflow9PacketBuilder version(int version) {
        this.version = version;
        return this;
    }

    /**
     * The header's count, instead of the number of records written (a lie, when it differs).
     *
     * @param count the header's count, instead of the number of records written (a lie, when it differs)
     * @return this builder
     */
    public Netflow9PacketBuilder declaredCount(int count) {
        this.count = count;
        return this;
    }

    /**
     * The header's sys_uptime in milliseconds.
     *
     * @param millis the exporter's uptime, unsigned 32-bit
     * @return this builder
     */
    public Netflow9PacketBuilder sysUptime(long millis) {
        this.sysUptime = millis;
        return this;
    }

    /**
     * The header's export time in seconds.
     *
     * @param seconds unix_secs, unsigned 32-bit
     * @return this builder
     */
    public Netflow9PacketBuilder unixSeconds(long seconds) {
        this.unixSeconds = seconds;
        return this;
    }

    /**
     * The header's sequence number.
     *
     * @param sequence the packet sequence number, unsigned 32-bit
     * @return this builder
     */
    public Netflow9PacketBuilder sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    /**
     * The header's source id.
     *
     * @param sourceId the source id, unsigned 32-bit (with the exporter's address, the scope of its templates)
     * @return this builder
     */
    public Netflow9PacketBuilder sourceId(long sourceId) {
        this.sourceId = sourceId;
        return this;
    }

    /**
     * A template FlowSet (id 0) holding these plain templates, or an options template FlowSet (id 1) for options
     * templates.
     *
     * @param templates templates with ids 256 to 65535, all plain or all options templates
     * @return this builder
     */
    public Netflow9PacketBuilder templates(Template... templates) {
        boolean options = templates.length > 0 && templates[0].isOptions();
        int len = TemplatedWireLayout.SET_HEADER_LENGTH;
        for (Template t : templates) {
            if (t.isOptions() != options) {
                throw new IllegalArgumentException("one FlowSet holds either plain or options templates");
            }
            len += Netflow9Writer.templateRecordLength(t);
        }
        int padding = padding(len);
        ByteBuffer b = ByteBuffer.allocate(len + padding);
        TemplatedWireSets.templateSet(b, Netflow9Writer.FORMAT, Netflow9Writer.FORMAT.templateSetId(options), len + padding,
                List.of(templates), new int[0], padding);
        records += templates.length;
        sets.add(b);
        return this;
    }

    /**
     * A template FlowSet with one template written from raw numbers, valid or not:
     * {@code typeLengthPairs} = type1, length1, type2, length2 ...
     *
     * @param templateId the template id to write, 0 to 65535 (valid: 256 and above)
     * @param typeLengthPairs field types and lengths, each 0 to 65535
     * @return this builder
     */
    public Netflow9PacketBuilder rawTemplate(int templateId, int... typeLengthPairs) {
        if (typeLengthPairs.length % 2 != 0) {
            throw new IllegalArgumentException("type and length pairs expected");
        }
        int len = TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireLayout.TEMPLATE_HEADER_LENGTH + 2 * typeLengthPairs.length;
        int padding = padding(len);
        ByteBuffer b = ByteBuffer.allocate(len + padding);
        TemplatedWireSets.setHeader(b, Netflow9.TEMPLATE_SET_ID, len + padding);
        b.putShort((short) templateId).putShort((short) (typeLengthPairs.length / 2));
        for (int v : typeLengthPairs) {
            b.putShort((short) v);
        }
        records++;
        sets.add(b);
        return this;
    }

    /**
     * A data FlowSet with these records (all of one template, whose id is the set id), padded to 4 bytes.
     *
     * @param records records of one template; its id is the FlowSet id
     * @return this builder
     */
    public Netflow9PacketBuilder data(FlowRecord... records) {
        return dataSet(-1, records);
    }

    /**
     * A data FlowSet padded with {@code padding} zero bytes exactly (0 for none, more than 3 as NX-OS does).
     *
     * @param padding how many zero bytes follow the records, 0 or more
     * @param records records of one template
     * @return this builder
     */
    public Netflow9PacketBuilder dataPadded(int padding, FlowRecord... records) {
        if (padding < 0) {
            throw new IllegalArgumentException("negative padding: " + padding);
        }
        return dataSet(padding, records);
    }

    /** A data FlowSet followed by {@code padding} zero bytes, or (negative) by those up to a multiple of 4. */
    private Netflow9PacketBuilder dataSet(int padding, FlowRecord... records) {
        if (records.length == 0) {
            throw new IllegalArgumentException("a data FlowSet needs a record (use rawSet for an empty one)");
        }
        int id = records[0].template().id();
        for (FlowRecord r : records) {
            if (r.template().id() != id) {
                throw new IllegalArgumentException("records of templates " + id + " and " + r.template().id() + " in one FlowSet");
            }
        }
        List<FlowRecord> list = List.of(records);
        int len = TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireSets.length(list);
        int pad = padding < 0 ? padding(len) : padding;
        ByteBuffer b = ByteBuffer.allocate(len + pad);
        TemplatedWireSets.dataSet(b, id, len + pad, list, pad);
        this.records += records.length;
        sets.add(b);
        return this;
    }

    /**
     * A FlowSet of any id with these body bytes, its length field counting them exactly (no padding).
     *
     * @param setId the FlowSet id, 0 to 65535
     * @param body the FlowSet's bytes after its 4-byte header
     * @return this builder
     */
    public Netflow9PacketBuilder rawSet(int setId, byte... body) {
        ByteBuffer b = ByteBuffer.allocate(TemplatedWireLayout.SET_HEADER_LENGTH + body.length);
        TemplatedWireSets.rawSet(b, setId, b.capacity(), ByteBuffer.wrap(body));
        sets.add(b);
        return this;
    }

    /**
     * Overwrites the length field of the last FlowSet added (a lie, or a length below 4).
     *
     * @param length overwrites the length field of the last FlowSet added (a lie, or a length below 4)
     * @return this builder
     */
    public Netflow9PacketBuilder declaredSetLength(int length) {
        sets.setLength(length);
        return this;
    }

    /**
     * Bytes after the last FlowSet, outside every FlowSet (zeros: exporters that pad datagrams to a fixed size;
     * anything else: garbage).
     *
     * @param bytes bytes after the last FlowSet, outside every FlowSet (zeros: exporters that pad datagrams to a fixed size; anything else: garbage)
     * @return this builder
     */
    public Netflow9PacketBuilder trailing(byte... bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    /**
     * Cuts the finished packet to its first {@code length} bytes.
     *
     * @param length cuts the finished packet to its first {@code length} bytes
     * @return this builder
     */
    public Netflow9PacketBuilder truncateTo(int length) {
        this.truncateTo = length;
        return this;
    }

    private static int padding(int setLength) {
        return TemplatedWireSets.padding(setLength, Netflow9Writer.FORMAT.padMask());
    }

    /**
     * The packet's bytes.
     *
     * @return the packet: header, FlowSets, trailing bytes, cut if asked
     */
    public byte[] toBytes() {
        return sets.toBytes(Netflow9Layout.HEADER_LENGTH, trailing, truncateTo, (b, length) -> Netflow9Writer.header(b, 0,
                version, count != null ? count : records, sysUptime, unixSeconds, sequence, sourceId));
    }

    /**
     * The packet as a buffer ready to read.
     *
     * @return a big-endian buffer of {@link #toBytes()}'s bytes, position 0
     */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(toBytes());
    }
}
