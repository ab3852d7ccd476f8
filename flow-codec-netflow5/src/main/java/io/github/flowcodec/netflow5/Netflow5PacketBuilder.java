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
 * byte[] valid = Netflow5PacketBuilder.create()
 *         .sysUptime(360_000).unixSeconds(1_700_000_000).sequence(42)
 *         .record(r -> r.srcAddr("10.0.0.1").dstAddr("10.0.0.2").packets(3).octets(180))
 *         .toBytes();
 * byte[] lying = Netflow5PacketBuilder.create()
 *         .record(r -> r.srcAddr("10.0.0.1"))
 *         .declaredCount(31)   // header says 31 records
 *         .truncateTo(40)      // and the datagram stops inside the first record
 *         .toBytes();
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

    private Netflow5PacketBuilder() {
    }

    /**
     * A builder for a datagram with no records yet: version 5, every header field 0.
     *
     * @return a new builder
     */
    public static Netflow5PacketBuilder create() {
        return new Netflow5PacketBuilder();
    }

    /**
     * Version number to write (default 5): anything else makes a packet decoders must reject.
     *
     * @param version version number to write (default 5): anything else makes a packet decoders must reject
     * @return this builder
     */
    public Netflow5PacketBuilder version(int version) {
        this.version = version & 0xFFFF;
        return this;
    }

    /**
     * The header's count, instead of the number of records added (a lie, when it differs).
     *
     * @param count the header's count, instead of the number of records added (a lie, when it differs)
     * @return this builder
     */
    public Netflow5PacketBuilder declaredCount(int count) {
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
     * Header flow_sequence.
     *
     * @param sequence header flow_sequence
     * @return this builder
     */
    public Netflow5PacketBuilder sequence(long sequence) {
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
        records.add(fields.apply(Netflow5RecordBuilder.create()).build());
        return this;
    }

    /**
     * Bytes after the last record (zeros: padding; anything else: garbage).
     *
     * @param bytes bytes after the last record (zeros: padding; anything else: garbage)
     * @return this builder
     */
    public Netflow5PacketBuilder trailing(byte... bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    /**
     * Cuts the finished datagram to its first {@code length} bytes.
     *
     * @param length cuts the finished datagram to its first {@code length} bytes
     * @return this builder
     */
    public Netflow5PacketBuilder truncateTo(int length) {
        this.truncateTo = length;
        return this;
    }

    /**
     * The datagram's bytes.
     *
     * @return the datagram's bytes
     */
    public byte[] toBytes() {
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
     * @return the datagram in a buffer ready to decode
     */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(toBytes());
    }
}
