package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Crafts one NetFlow v5 datagram for tests, valid or broken on purpose: a header count that lies, another
 * version number, trailing bytes, a truncated datagram.
 *
 * <pre>{@code
 * byte[] valid = new Netflow5PacketBuilder()
 *         .sysUptime(360_000).unixSeconds(1_700_000_000).flowSequence(42)
 *         .record(r -> r.srcAddr("10.0.0.1").dstAddr("10.0.0.2").packets(3).octets(180))
 *         .build();
 * byte[] lying = new Netflow5PacketBuilder()
 *         .record(r -> r.srcAddr("10.0.0.1"))
 *         .count(31)           // header says 31 records
 *         .truncateTo(40)      // and the datagram stops inside the first record
 *         .build();
 * }</pre>
 */
public final class Netflow5PacketBuilder {

    private int version = Netflow5.VERSION;
    private Integer count;
    private long sysUptime;
    private long unixSeconds;
    private long unixNanos;
    private long flowSequence;
    private int engineType;
    private int engineId;
    private int samplingMode;
    private int samplingInterval;
    private final List<FlowRecord> records = new ArrayList<>();
    private byte[] trailing = new byte[0];
    private int truncateTo = -1;

    /**
     * Version number to write (default 5): anything else makes a packet decoders must reject.
     *
     * @param version the header's version field, 0 to 65535
     * @return this builder
     */
    public Netflow5PacketBuilder version(int version) {
        this.version = version & 0xFFFF;
        return this;
    }

    /**
     * The header's count, instead of the number of records added.
     *
     * @param count the count to write, 0 to 65535 (a lie when it differs from the records added)
     * @return this builder
     */
    public Netflow5PacketBuilder count(int count) {
        this.count = count & 0xFFFF;
        return this;
    }

    /**
     * Header uptime in milliseconds.
     *
     * @param millis SysUptime, unsigned 32-bit
     * @return this builder
     */
    public Netflow5PacketBuilder sysUptime(long millis) {
        this.sysUptime = millis;
        return this;
    }

    /**
     * Header export time, seconds.
     *
     * @param seconds unix_secs, unsigned 32-bit
     * @return this builder
     */
    public Netflow5PacketBuilder unixSeconds(long seconds) {
        this.unixSeconds = seconds;
        return this;
    }

    /**
     * Header export time, residual nanoseconds.
     *
     * @param nanos unix_nsecs, unsigned 32-bit
     * @return this builder
     */
    public Netflow5PacketBuilder unixNanos(long nanos) {
        this.unixNanos = nanos;
        return this;
    }

    /**
     * Header flow sequence.
     *
     * @param sequence flow_sequence, unsigned 32-bit
     * @return this builder
     */
    public Netflow5PacketBuilder flowSequence(long sequence) {
        this.flowSequence = sequence;
        return this;
    }

    /**
     * Header engine type and id.
     *
     * @param type engine_type, 0 to 255
     * @param id engine_id, 0 to 255
     * @return this builder
     */
    public Netflow5PacketBuilder engine(int type, int id) {
        this.engineType = type;
        this.engineId = id;
        return this;
    }

    /**
     * Header sampling mode (0..3) and interval (0..16383).
     *
     * @param mode the sampling mode, top two bits of the sampling field
     * @param interval the sampling interval, low 14 bits
     * @return this builder
     */
    public Netflow5PacketBuilder sampling(int mode, int interval) {
        this.samplingMode = mode;
        this.samplingInterval = interval;
        return this;
    }

    /**
     * Adds a record.
     *
     * @param record a record on {@link Netflow5#TEMPLATE}
     * @return this builder
     */
    public Netflow5PacketBuilder record(FlowRecord record) {
        records.add(record);
        return this;
    }

    /**
     * Adds a record built in place.
     *
     * @param fields sets the record's fields on a fresh {@link Netflow5RecordBuilder}
     * @return this builder
     */
    public Netflow5PacketBuilder record(UnaryOperator<Netflow5RecordBuilder> fields) {
        records.add(fields.apply(new Netflow5RecordBuilder()).build());
        return this;
    }

    /**
     * Bytes appended after the last record (padding or garbage).
     *
     * @param bytes the bytes, copied
     * @return this builder
     */
    public Netflow5PacketBuilder trailing(byte[] bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    /**
     * Cuts the finished datagram to this many bytes.
     *
     * @param length the datagram's length in bytes, at most its full length
     * @return this builder
     */
    public Netflow5PacketBuilder truncateTo(int length) {
        this.truncateTo = length;
        return this;
    }

    /**
     * The datagram's bytes.
     *
     * @return the datagram: the header, the records, the trailing bytes, cut to the truncation length if any
     */
    public byte[] build() {
        int n = count == null ? records.size() : count;
        Netflow5Header header = new Netflow5Header(n, sysUptime, unixSeconds, unixNanos, flowSequence,
                engineType, engineId, samplingMode, samplingInterval);
        ByteBuffer b = ByteBuffer.allocate(Netflow5.HEADER_LENGTH + records.size() * Netflow5.RECORD_LENGTH + trailing.length);
        Netflow5Encoder.write(header, records, b);
        b.putShort(Netflow5Layout.VERSION, (short) version);
        b.put(trailing);
        byte[] out = b.array();
        return truncateTo >= 0 && truncateTo < out.length ? Arrays.copyOf(out, truncateTo) : out;
    }

    /**
     * The datagram in a buffer ready to decode.
     *
     * @return a big-endian buffer of {@link #build()}'s bytes, position 0
     */
    public ByteBuffer buildBuffer() {
        return ByteBuffer.wrap(build());
    }
}
