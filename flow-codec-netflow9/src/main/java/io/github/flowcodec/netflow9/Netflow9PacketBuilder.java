package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.internal.Netflow9Writer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 *         .setLength(9999)                       // the last FlowSet claims to run past the end
 *         .count(42)                             // a lying count
 *         .trailingZeros(12)                     // Palo Alto style padding
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
    private final List<byte[]> sets = new ArrayList<>();
    private int records;
    private int trailingZeros;
    private int truncateTo = -1;

    private Netflow9PacketBuilder() {
    }

    /** A builder for a packet with no FlowSets yet. */
    public static Netflow9PacketBuilder create() {
        return new Netflow9PacketBuilder();
    }

    /** The header's version (9 unless you want a wrong one). */
    public Netflow9PacketBuilder version(int version) {
        this.version = version;
        return this;
    }

    /** The header's count, instead of the number of records written. */
    public Netflow9PacketBuilder count(int count) {
        this.count = count;
        return this;
    }

    /** The header's sys_uptime in milliseconds. */
    public Netflow9PacketBuilder sysUptime(long millis) {
        this.sysUptime = millis;
        return this;
    }

    /** The header's export time in seconds. */
    public Netflow9PacketBuilder unixSeconds(long seconds) {
        this.unixSeconds = seconds;
        return this;
    }

    /** The header's sequence number. */
    public Netflow9PacketBuilder sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    /** The header's source id. */
    public Netflow9PacketBuilder sourceId(long sourceId) {
        this.sourceId = sourceId;
        return this;
    }

    /** A template FlowSet (id 0) holding these plain templates, or an options template FlowSet (id 1) for options templates. */
    public Netflow9PacketBuilder templates(Template... templates) {
        boolean options = templates.length > 0 && templates[0].isOptions();
        int len = 4;
        for (Template t : templates) {
            if (t.isOptions() != options) {
                throw new IllegalArgumentException("one FlowSet holds either plain or options templates");
            }
            len += Netflow9Writer.templateRecordLength(t);
        }
        ByteBuffer b = ByteBuffer.allocate(len + 3);
        b.putShort((short) (options ? Netflow9.OPTIONS_TEMPLATE_SET_ID : Netflow9.TEMPLATE_SET_ID)).putShort((short) 0);
        for (Template t : templates) {
            Netflow9Writer.templateRecord(b, t);
        }
        records += templates.length;
        return add(b);
    }

    /**
     * A template FlowSet with one template written from raw numbers, valid or not:
     * {@code typeLengthPairs} = type1, length1, type2, length2 ...
     */
    public Netflow9PacketBuilder rawTemplate(int templateId, int... typeLengthPairs) {
        if (typeLengthPairs.length % 2 != 0) {
            throw new IllegalArgumentException("type and length pairs expected");
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * typeLengthPairs.length + 3);
        b.putShort((short) 0).putShort((short) 0).putShort((short) templateId).putShort((short) (typeLengthPairs.length / 2));
        for (int v : typeLengthPairs) {
            b.putShort((short) v);
        }
        records++;
        return add(b);
    }

    /** A data FlowSet with these records (all of one template, whose id is the set id), padded to 4 bytes. */
    public Netflow9PacketBuilder data(FlowRecord... records) {
        if (records.length == 0) {
            throw new IllegalArgumentException("a data FlowSet needs a record (use rawSet for an empty one)");
        }
        int id = records[0].template().id();
        int len = 4;
        for (FlowRecord r : records) {
            if (r.template().id() != id) {
                throw new IllegalArgumentException("records of templates " + id + " and " + r.template().id() + " in one FlowSet");
            }
            len += r.length();
        }
        ByteBuffer b = ByteBuffer.allocate(len + 3);
        b.putShort((short) id).putShort((short) 0);
        for (FlowRecord r : records) {
            r.writeTo(b);
        }
        this.records += records.length;
        return add(b);
    }

    /** A data FlowSet padded with {@code padding} zero bytes exactly (0 for none, more than 3 as NX-OS does). */
    public Netflow9PacketBuilder dataPadded(int padding, FlowRecord... records) {
        data(records);
        byte[] last = sets.remove(sets.size() - 1);
        int unpadded = 4;
        for (FlowRecord r : records) {
            unpadded += r.length();
        }
        ByteBuffer b = ByteBuffer.allocate(unpadded + padding);
        b.put(last, 0, unpadded);
        b.putShort(2, (short) (unpadded + padding));
        b.position(unpadded + padding);
        sets.add(b.array());
        return this;
    }

    /** A FlowSet of any id with these body bytes, its length field counting them exactly (no padding). */
    public Netflow9PacketBuilder rawSet(int setId, byte... body) {
        ByteBuffer b = ByteBuffer.allocate(4 + body.length);
        b.putShort((short) setId).putShort((short) (4 + body.length)).put(body);
        sets.add(b.array());
        return this;
    }

    /** Overwrites the length field of the last FlowSet added (a lie, or a length below 4). */
    public Netflow9PacketBuilder setLength(int length) {
        if (sets.isEmpty()) {
            throw new IllegalStateException("no FlowSet yet");
        }
        byte[] last = sets.get(sets.size() - 1);
        last[2] = (byte) (length >>> 8);
        last[3] = (byte) length;
        return this;
    }

    /** Zero bytes after the last FlowSet (exporters that pad datagrams to a fixed size). */
    public Netflow9PacketBuilder trailingZeros(int n) {
        this.trailingZeros = n;
        return this;
    }

    /** Cuts the packet to its first {@code length} bytes. */
    public Netflow9PacketBuilder truncate(int length) {
        this.truncateTo = length;
        return this;
    }

    private Netflow9PacketBuilder add(ByteBuffer b) {
        int setStart = 0;
        Netflow9Writer.pad(b, setStart);
        int len = b.position();
        b.putShort(2, (short) len);
        byte[] out = new byte[len];
        b.get(0, out, 0, len);
        sets.add(out);
        return this;
    }

    /** The packet's bytes. */
    public byte[] toBytes() {
        int len = Netflow9.HEADER_LENGTH + trailingZeros;
        for (byte[] s : sets) {
            len += s.length;
        }
        ByteBuffer b = ByteBuffer.allocate(len);
        Netflow9Writer.header(b, 0, version, count != null ? count : records, sysUptime, unixSeconds, sequence, sourceId);
        b.position(Netflow9.HEADER_LENGTH);
        for (byte[] s : sets) {
            b.put(s);
        }
        byte[] all = b.array();
        if (truncateTo >= 0 && truncateTo < all.length) {
            return java.util.Arrays.copyOf(all, truncateTo);
        }
        return all;
    }

    /** The packet as a buffer ready to read. */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(toBytes());
    }
}
