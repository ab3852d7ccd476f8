package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.DatagramLayout;
import io.github.flowcodec.sflow.internal.TypedCodec;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Crafts sFlow datagrams byte by byte for tests, valid or broken on purpose: typed samples and raw
 * samples mixed, a version, address type, sample count or lengths that lie, garbage after the end, a
 * datagram cut short. Static helpers make raw records and sample bodies with lying counts and lengths.
 *
 * <pre>{@code
 * byte[] ok = SflowDatagramBuilder.create().agent(InetAddress.getByName("192.0.2.1")).sequence(7)
 *         .sample(flowSample).sample(counterSample).toBytes();
 *
 * byte[] lyingCount = SflowDatagramBuilder.create().sample(flowSample).declaredCount(1_000_000).toBytes();
 * byte[] cut = SflowDatagramBuilder.create().sample(flowSample).truncateTo(60).toBytes();
 * byte[] badRecord = SflowDatagramBuilder.create()
 *         .rawSample(Sflow.SAMPLE_FLOW, SflowDatagramBuilder.flowSampleData(flowSample, 1,
 *                 SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER, 5000, new byte[16])))   // length lies
 *         .toBytes();
 * }</pre>
 */
public final class SflowDatagramBuilder {

    private long version = Sflow.VERSION;
    private int addressType = Sflow.ADDRESS_IPV4;
    private byte[] address = {(byte) 192, 0, 2, 1};
    private long subAgentId;
    private long sequenceNumber = 1;
    private long uptime;
    private long sampleCount = -1;
    private int samples;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private SflowExtensions extensions = SflowExtensions.none();
    private byte[] trailing = new byte[0];
    private int truncateTo = -1;

    private SflowDatagramBuilder() {
    }

    /**
     * A builder for a datagram from agent 192.0.2.1, sub-agent 0, sequence 1, uptime 0, no samples.
     *
     * @return a new builder
     */
    public static SflowDatagramBuilder create() {
        return new SflowDatagramBuilder();
    }

    /**
     * The version word (5 unless broken on purpose).
     *
     * @param version the version word, unsigned 32-bit
     * @return this builder
     */
    public SflowDatagramBuilder version(long version) {
        this.version = version;
        return this;
    }

    /**
     * The agent address (null for address type 0).
     *
     * @param agent an IPv4 or IPv6 address, or null
     * @return this builder
     */
    public SflowDatagramBuilder agent(InetAddress agent) {
        if (agent == null) {
            return agentRaw(Sflow.ADDRESS_UNKNOWN, new byte[0]);
        }
        byte[] b = agent.getAddress();
        return agentRaw(b.length == 4 ? Sflow.ADDRESS_IPV4 : Sflow.ADDRESS_IPV6, b);
    }

    /**
     * Any address type word followed by any bytes (to break the header on purpose).
     *
     * @param addressType the address type word (1 IPv4, 2 IPv6, 0 unknown, anything else invalid)
     * @param bytes the bytes written after it, as they are
     * @return this builder
     */
    public SflowDatagramBuilder agentRaw(int addressType, byte[] bytes) {
        this.addressType = addressType;
        this.address = bytes.clone();
        return this;
    }

    /**
     * The sub-agent id.
     *
     * @param id the sub-agent id, unsigned 32-bit
     * @return this builder
     */
    public SflowDatagramBuilder subAgentId(long id) {
        this.subAgentId = id;
        return this;
    }

    /**
     * The datagram sequence number.
     *
     * @param sequence the datagram sequence number
     * @return this builder
     */
    public SflowDatagramBuilder sequence(long sequence) {
        this.sequenceNumber = sequence;
        return this;
    }

    /**
     * The uptime in milliseconds.
     *
     * @param millis the uptime, unsigned 32-bit
     * @return this builder
     */
    public SflowDatagramBuilder uptime(long millis) {
        this.uptime = millis;
        return this;
    }

    /**
     * Extensions used to encode typed samples holding extension records.
     *
     * @param extensions the codecs of enterprise record formats
     * @return this builder
     */
    public SflowDatagramBuilder extensions(SflowExtensions extensions) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        return this;
    }

    /**
     * Appends a typed sample.
     *
     * @param sample a flow, counter, discarded packet or unknown sample
     * @return this builder
     */
    public SflowDatagramBuilder sample(SflowSample sample) {
        ByteBuffer b = ByteBuffer.allocate(TypedCodec.sampleRecordLength(sample, extensions));
        TypedCodec.writeSample(b, sample, extensions);
        body.writeBytes(b.array());
        samples++;
        return this;
    }

    /**
     * Appends a sample of this data format word with these data bytes (the length is right, padding added).
     *
     * @param dataFormat the sample's data_format word (enterprise in the top 20 bits, format in the low 12)
     * @param data the sample data
     * @return this builder
     */
    public SflowDatagramBuilder rawSample(int dataFormat, byte[] data) {
        return rawSample(dataFormat, data.length, data);
    }

    /**
     * Appends a sample whose length field says {@code declaredLength}, followed by {@code data} as it is (no padding
     * added).
     *
     * @param dataFormat the sample's data_format word
     * @param declaredLength the length field's value, unsigned 32-bit (a lie when it differs from the data)
     * @param data the bytes written after the length field
     * @return this builder
     */
    public SflowDatagramBuilder rawSample(int dataFormat, long declaredLength, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(DatagramLayout.ENTRY_DATA).putInt(dataFormat).putInt((int) declaredLength);
        body.writeBytes(b.array());
        body.writeBytes(declaredLength == data.length ? padded(data) : data);
        samples++;
        return this;
    }

    /**
     * The sample count to announce instead of the number of samples appended (a lie, when it differs).
     *
     * @param count the sample count to announce instead of the number of samples appended (a lie, when it differs)
     * @return this builder
     */
    public SflowDatagramBuilder declaredCount(long count) {
        this.sampleCount = count;
        return this;
    }

    /**
     * Bytes after the last sample (zeros: padding; anything else: garbage).
     *
     * @param bytes bytes after the last sample (zeros: padding; anything else: garbage)
     * @return this builder
     */
    public SflowDatagramBuilder trailing(byte... bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    /**
     * Cuts the finished datagram to its first {@code length} bytes.
     *
     * @param length cuts the finished datagram to its first {@code length} bytes
     * @return this builder
     */
    public SflowDatagramBuilder truncateTo(int length) {
        this.truncateTo = length;
        return this;
    }

    /**
     * The datagram.
     *
     * @return the datagram
     */
    public byte[] toBytes() {
        ByteBuffer h = ByteBuffer.allocate(DatagramLayout.headerLength(address.length));
        h.putInt((int) version).putInt(addressType).put(address).putInt((int) subAgentId).putInt((int) sequenceNumber)
                .putInt((int) uptime).putInt((int) (sampleCount >= 0 ? sampleCount : samples));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(body.toByteArray());
        out.writeBytes(trailing);
        byte[] all = out.toByteArray();
        return truncateTo >= 0 && truncateTo < all.length ? Arrays.copyOf(all, truncateTo) : all;
    }

    /**
     * The datagram in a heap buffer.
     *
     * @return the datagram in a heap buffer
     */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(toBytes());
    }

    // ------------------------------------------------------------------ raw pieces

    /**
     * A record (format word, length, data, padding) with a truthful length.
     *
     * @param dataFormat the record's data_format word
     * @param data the record data
     * @return the record's bytes, XDR-padded to 4
     */
    public static byte[] record(int dataFormat, byte[] data) {
        return record(dataFormat, data.length, data);
    }

    /**
     * A record whose length field says {@code declaredLength}, followed by {@code data} as it is (padded only if the
     * length is truthful).
     *
     * @param dataFormat the record's data_format word
     * @param declaredLength the length field's value, unsigned 32-bit
     * @param data the bytes written after the length field
     * @return the record's bytes
     */
    public static byte[] record(int dataFormat, long declaredLength, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(DatagramLayout.ENTRY_DATA).putInt(dataFormat).putInt((int) declaredLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.array());
        out.writeBytes(declaredLength == data.length ? padded(data) : data);
        return out.toByteArray();
    }

    /**
     * The data bytes (without padding) of a typed flow record.
     *
     * @param record the record
     * @return its data
     */
    public static byte[] flowRecordData(FlowData record) {
        ByteBuffer b = ByteBuffer.allocate(TypedCodec.flowLength(record, SflowExtensions.none()));
        TypedCodec.writeFlow(b, record, SflowExtensions.none());
        return b.array();
    }

    /**
     * The data bytes (without padding) of a typed counter record.
     *
     * @param record the record
     * @return its data
     */
    public static byte[] counterRecordData(CounterData record) {
        ByteBuffer b = ByteBuffer.allocate(TypedCodec.counterLength(record, SflowExtensions.none()));
        TypedCodec.writeCounter(b, record, SflowExtensions.none());
        return b.array();
    }

    /**
     * The data of a flow sample with the header fields of {@code header} (its records are ignored), a record
     * count of {@code declaredRecords} and the given raw records (see {@link #record}).
     *
     * @param header a flow sample whose header fields are written
     * @param declaredRecords the record count to write, unsigned 32-bit
     * @param records raw records, each made by {@link #record}
     * @return the sample data (without the sample's format and length)
     */
    public static byte[] flowSampleData(FlowSample header, long declaredRecords, byte[]... records) {
        FlowSample empty = new FlowSample(header.expanded(), header.sequenceNumber(), header.sourceIdType(),
                header.sourceIdIndex(), header.samplingRate(), header.samplePool(), header.drops(), header.inputFormat(),
                header.inputInterface(), header.outputFormat(), header.outputInterface(), java.util.List.of());
        return sampleData(empty, declaredRecords, records);
    }

    /**
     * The data of a counter sample with the header fields of {@code header}, as {@link #flowSampleData} does.
     *
     * @param header a counter sample whose header fields are written
     * @param declaredRecords the record count to write, unsigned 32-bit
     * @param records raw records, each made by {@link #record}
     * @return the sample data (without the sample's format and length)
     */
    public static byte[] counterSampleData(CounterSample header, long declaredRecords, byte[]... records) {
        CounterSample empty = new CounterSample(header.expanded(), header.sequenceNumber(), header.sourceIdType(),
                header.sourceIdIndex(), java.util.List.of());
        return sampleData(empty, declaredRecords, records);
    }

    private static byte[] sampleData(SflowSample empty, long declaredRecords, byte[]... records) {
        int len = TypedCodec.sampleLength(empty, SflowExtensions.none());
        ByteBuffer b = ByteBuffer.allocate(DatagramLayout.ENTRY_DATA + len);
        TypedCodec.writeSample(b, empty, SflowExtensions.none());
        byte[] head = Arrays.copyOfRange(b.array(), DatagramLayout.ENTRY_DATA, DatagramLayout.ENTRY_DATA + len - 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) declaredRecords).array());
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    private static byte[] padded(byte[] data) {
        return Arrays.copyOf(data, (data.length + 3) & ~3);
    }
}
