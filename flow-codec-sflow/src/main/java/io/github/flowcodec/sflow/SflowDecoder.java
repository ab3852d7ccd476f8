package io.github.flowcodec.sflow;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import io.github.flowcodec.sflow.internal.Bytes;
import io.github.flowcodec.sflow.internal.ContentException;
import io.github.flowcodec.sflow.internal.DatagramLayout;
import io.github.flowcodec.sflow.internal.FlowMapper;
import io.github.flowcodec.sflow.internal.RecordTypes;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Decodes sFlow v5 datagrams by four paths over one parser:
 * <ul>
 *   <li>{@link #decode(ByteBuffer, InetSocketAddress, FlowRecordHandler)}: zero-copy, one {@link RecordView}
 *       of IANA elements per flow sample, with an {@link SflowSampleContext} as context;</li>
 *   <li>{@link #decode(ByteBuffer, InetSocketAddress)}: the same records materialized in an {@link SflowPacket};</li>
 *   <li>{@link #decode(ByteBuffer, InetSocketAddress, SflowSampleHandler)}: zero-copy, every sample as a
 *       reused {@link SflowSampleView} with a record cursor;</li>
 *   <li>{@link #decodeDatagram(ByteBuffer)}: the whole datagram typed and immutable ({@link SflowDatagram}).</li>
 * </ul>
 *
 * <p><b>Flow record mapping.</b> Each flow sample (compact or expanded) becomes one record with
 * ingressInterface / egressInterface (the input/output interface values), samplingInterval,
 * selectorIdTotalPktsObserved (sample pool), droppedPacketTotalCount (drops) and packetDeltaCount 1, and,
 * when present: octetDeltaCount (frame length of the raw packet header; else the Ethernet or IP data
 * record's length), sourceMacAddress / destinationMacAddress / ethernetType (sampled Ethernet header, else
 * the Ethernet frame record), dot1qVlanId and dot1qCustomerVlanId (first and second 802.1Q tag of the
 * sampled header), vlanId / postVlanId (extended switch in/out VLAN), source/destination IPv4 or IPv6
 * address, flowLabelIPv6, ipVersion, protocolIdentifier (the upper-layer protocol, after IPv6 extension
 * headers), ipClassOfService (IPv4 DS field byte, IPv6 traffic class), ipTTL, fragmentIdentification and
 * fragmentOffset (from the outermost IP header of the sampled header, else from the IPv4/IPv6 data
 * record, which has no TTL or fragment fields), source/destinationTransportPort, tcpControlBits (the TCP
 * flags byte), icmpTypeCodeIPv4/IPv6, ipNextHopIPv4/IPv6Address (extended router), bgpSourceAsNumber and
 * bgpDestinationAsNumber (extended gateway: the source AS and the last AS of the path). Fields that are not
 * present are not in the record: the template (its id is a bit mask of the groups present) says which are.
 *
 * <p><b>Strict and lenient.</b> A datagram shorter than its header, of another version or with an invalid
 * agent address type is rejected in both modes. In strict mode (the default) any other structural fault is a
 * {@link FlowCodecException} naming its byte offset: samples or records running past their container,
 * counts that announce more than there is, bytes left after the last record of a sample, known records whose
 * content does not parse (when they are read). Bytes after the last sample the header announces are
 * reported and ignored in both modes (the UDP length ends a datagram, and real agents leave bytes there). In lenient mode the decoder reports each fault to the
 * problem listener and keeps what it can: the samples before a cut, a broken sample as an "other" sample
 * (kept as bytes), a record that does not parse as an unknown record. Records of an enterprise other than 0
 * and formats the decoder does not know are never a fault: they are skipped by their length and kept.
 * Sampled headers are parsed leniently in both modes (see {@link SampledHeaderView}).
 *
 * <p><b>Sequence numbers.</b> The decoder tracks the datagram sequence per agent and sub-agent and the
 * sample sequence per data source, counting lost, repeated, reordered numbers and restarts
 * ({@link #counters()}, {@link #sequenceStates()}).
 *
 * <p><b>Time.</b> sFlow carries no export clock: {@link ExportContext#exportTimeMillis()} is the decoder's
 * clock ({@link Builder#clock}) read once per datagram, or {@link ExportContext#NO_TIME} without one (the
 * default).
 *
 * <p>One decoder per thread: it reuses its views. Reads are absolute; position and limit are left as they were.
 *
 * <pre>{@code
 * SflowDecoder decoder = SflowDecoder.builder().mode(DecodeMode.LENIENT).problemListener(p -> log.debug("{}", p)).build();
 * decoder.decode(buffer, from, (ctx, record) -> {     // ctx is an SflowSampleContext
 *     sink.add(ctx.agentAddress(), ctx.sampleSequenceNumber(), record.toRecord());
 * });
 * SflowDatagram typed = decoder.decodeDatagram(buffer);
 * }</pre>
 */
public final class SflowDecoder implements DatagramDecoder<SflowSampleContext> {

    private static final int MODE_RECORDS = 0;
    private static final int MODE_PACKET = 1;
    private static final int MODE_SAMPLES = 2;
    private static final int MODE_TYPED = 3;

    private final boolean lenient;
    private final Consumer<DecodeProblem> listener;
    private final SflowExtensions extensions;
    private final LongSupplier clock;
    private final boolean trackSequences;
    private final SflowSampleView view = new SflowSampleView(this);
    final FlowMapper mapper = new FlowMapper(new FlowMapper.Host() {
        @Override
        public SampledHeaderView parseRawHeader(byte[] a, int shift, int offset, int length, int base, SampledHeaderView into) {
            return SflowDecoder.this.parseRawHeader(a, shift, offset, length, base, into);
        }

        @Override
        public void contentProblem(ContentException e, int base) {
            SflowDecoder.this.contentProblem(e, base);
        }
    });
    private final SflowSequences sequences;

    // per-call targets
    private FlowRecordHandler<? super SflowSampleContext> recordHandler;
    private SflowSampleHandler sampleHandler;
    private List<FlowRecord> packetRecords;
    private SampleInfos.Gathering packetInfos;
    private List<SflowSample> typedSamples;
    private final List<SflowSample> typedList = new ArrayList<>();
    private final List<FlowRecord> recordList = new ArrayList<>();
    private final SampleInfos.Gathering infoList = new SampleInfos.Gathering();
    /** The copy of a direct buffer's datagram, read through byte-array views as a heap buffer's array is. */
    private byte[] copy = new byte[2048];

    private final SflowCounts counts = new SflowCounts();

    /** A strict decoder with no extensions, no clock, tracking sequences. */
    public SflowDecoder() {
        this(builder());
    }

    /**
     * A decoder with these options (mode and problem listener are used).
     *
     * @param options the decode mode and problem listener (sFlow has no templates: the store and registry are not
     *     used)
     */
    public SflowDecoder(DecoderOptions options) {
        this(builder().mode(options.mode()).problemListener(listenerOf(options)));
    }

    /**
     * The options' problem listener, or one that ignores problems when the options have none: core's
     * {@code DecoderOptions.DEFAULT} is built before the no-op listener it means to give it is initialized.
     */
    private static Consumer<DecodeProblem> listenerOf(DecoderOptions options) {
        Consumer<DecodeProblem> l = options.problemListener();
        return l != null ? l : p -> { };
    }

    private SflowDecoder(Builder b) {
        this.lenient = b.mode == DecodeMode.LENIENT;
        this.listener = b.listener;
        this.extensions = b.extensions;
        this.clock = b.clock;
        this.trackSequences = b.trackSequences;
        this.sequences = new SflowSequences(b.maxTrackedAgents, b.maxTrackedSources);
    }

    /**
     * A builder: strict, no listener, no extensions, no clock, sequences tracked.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ the four paths

    /**
     * Hands each flow sample to {@code handler} as a record of IANA elements, with the sample's
     * {@link SflowSampleContext} as context. Counter and other samples are decoded (sequence numbers,
     * statistics) but not handed over.
     *
     * @return how many flow records were handed over
     */
    @Override
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<? super SflowSampleContext> handler) {
        recordHandler = Objects.requireNonNull(handler, "handler");
        return walk(datagram, exporter, MODE_RECORDS);
    }

    /** Decodes into an {@link SflowPacket}: one record and one context per flow sample. */
    @Override
    public SflowPacket decode(ByteBuffer datagram, InetSocketAddress exporter) {
        List<FlowRecord> records = recordList;   // reused, as the infos: the packet keeps copies
        SampleInfos.Gathering infos = infoList;
        records.clear();
        infos.clear();
        packetRecords = records;
        packetInfos = infos;
        walk(datagram, exporter, MODE_PACKET);
        SflowPacket p = new SflowPacket(view.exporter(), view.agentAddress(), view.subAgentId(), view.sequenceNumber(),
                view.systemUptimeMillis(), view.exportTimeMillis(), FrozenList.of(records), infos.take(view));
        records.clear();
        infos.clear();
        return p;
    }

    /**
     * Hands every sample to {@code handler} as the reused {@link SflowSampleView}.
     *
     * @return how many samples were handed over
     * @param datagram one sFlow v5 datagram, from its position to its limit (position and limit are not changed)
     * @param exporter where the datagram came from (the agent address inside the datagram names the agent)
     * @param handler receives each sample; the view is valid only during the call
     */
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, SflowSampleHandler handler) {
        sampleHandler = Objects.requireNonNull(handler, "handler");
        return walk(datagram, exporter, MODE_SAMPLES);
    }

    /**
     * Decodes the whole datagram, typed.
     *
     * @param datagram one sFlow v5 datagram, from its position to its limit
     * @return the datagram with every sample and record typed (unknown formats kept as bytes)
     */
    public SflowDatagram decodeDatagram(ByteBuffer datagram) {
        List<SflowSample> samples = typedList;   // reused: the datagram keeps a copy
        samples.clear();
        typedSamples = samples;
        walk(datagram, null, MODE_TYPED);
        SflowDatagram d = new SflowDatagram(view.agentAddress(), view.subAgentId(), view.sequenceNumber(),
                view.systemUptimeMillis(), FrozenList.of(samples));
        samples.clear();
        return d;
    }

    // ------------------------------------------------------------------ the parser

    /** Walks one datagram for the path {@code mode}, whose per-call target is set; clears every target after. */
    private int walk(ByteBuffer datagram, InetSocketAddress exporter, int mode) {
        try {
            return walkDatagram(RecordView.bigEndian(datagram), exporter == null ? ExportContext.UNKNOWN_EXPORTER : exporter, mode);
        } catch (FlowCodecException e) {
            counts.rejected++;
            throw e;
        } finally {
            recordHandler = null;
            sampleHandler = null;
            packetRecords = null;
            packetInfos = null;
            typedSamples = null;
        }
    }

    private int walkDatagram(ByteBuffer buf, InetSocketAddress exporter, int mode) {
        int base = buf.position();
        int end = buf.limit();
        int length = end - base;
        if (length < 8) {
            throw new TruncatedPacketException(FlowProtocol.SFLOW_V5, length, "the datagram is " + length
                    + " bytes, shorter than an sFlow v5 header");
        }
        byte[] a = Bytes.arrayOf(buf, base, end, copy);
        int s = Bytes.shift(buf, base);
        copy = buf.hasArray() ? copy : a;
        int version = Bytes.i32(a, s + base + DatagramLayout.VERSION);
        if (version != Sflow.VERSION) {
            throw new UnsupportedVersionException(FlowProtocol.SFLOW_V5, 0, "version " + Integer.toUnsignedString(version)
                    + ", not 5");
        }
        int agentType = Bytes.i32(a, s + base + DatagramLayout.AGENT_ADDRESS_TYPE);
        int addressLength = DatagramLayout.addressLength(agentType);
        if (addressLength < 0) {
            throw new MalformedPacketException(FlowProtocol.SFLOW_V5, DatagramLayout.AGENT_ADDRESS_TYPE, "agent address type "
                    + Integer.toUnsignedString(agentType) + " (0, 1 or 2 expected)");
        }
        int agent = base + DatagramLayout.AGENT_ADDRESS;
        int p = agent + addressLength;
        if (end - p < DatagramLayout.AFTER_ADDRESS_LENGTH) {
            throw new TruncatedPacketException(FlowProtocol.SFLOW_V5, length, "the datagram is " + length
                    + " bytes, shorter than its " + DatagramLayout.headerLength(addressLength) + "-byte header");
        }
        long subAgent = Bytes.u32(a, s + p + DatagramLayout.SUB_AGENT_ID);
        long sequence = Bytes.u32(a, s + p + DatagramLayout.SEQUENCE_NUMBER);
        long uptime = Bytes.u32(a, s + p + DatagramLayout.UPTIME);
        long count = Bytes.u32(a, s + p + DatagramLayout.SAMPLE_COUNT);
        p += DatagramLayout.AFTER_ADDRESS_LENGTH;
        view.datagram(buf, a, s, base, exporter, agentType, agent, subAgent, sequence, uptime,
                clock == null ? ExportContext.NO_TIME : clock.getAsLong());
        if (trackSequences) {
            sequences.datagram(a, s + agent, addressLength, agentType, subAgent, sequence);
        }
        int handed = 0;
        long i = 0;
        for (; i < count; i++) {
            if (end - p < DatagramLayout.ENTRY_DATA) {
                fault(true, p - base, "the header announces " + count + " samples but the datagram ends after " + i);
                break;
            }
            int format = Bytes.i32(a, s + p + DatagramLayout.ENTRY_FORMAT);
            long sampleLength = Bytes.u32(a, s + p + DatagramLayout.ENTRY_LENGTH);
            long padded = (sampleLength + 3) & ~3L;
            int data = p + DatagramLayout.ENTRY_DATA;
            if (padded > end - data) {
                fault(true, p + DatagramLayout.ENTRY_LENGTH - base, "sample " + i + " announces " + sampleLength + " bytes but "
                        + (end - data) + " remain in the datagram");
                break;
            }
            handed += sample(a, s, format, data, (int) sampleLength, mode);
            p = data + (int) padded;
        }
        if (i == count && p != end) {
            // The UDP length, not the header, ends a datagram: bytes after the announced samples (a count that
            // lies low, a second datagram glued on, padding) are reported and skipped in both modes.
            report(p - base, (end - p) + " bytes follow the last of the " + count + " samples; ignored");
        }
        counts.datagrams++;
        return handed;
    }

    /** Decodes one sample whose data is {@code length} bytes at {@code offset}; returns how many items were handed over. */
    private int sample(byte[] a, int s, int dataFormat, int offset, int length, int mode) {
        int format = dataFormat;
        if (format < Sflow.SAMPLE_FLOW || format > Sflow.SAMPLE_EXPANDED_COUNTER) { // covers enterprise != 0
            counts.otherSamples++;
            view.other(dataFormat, offset, length);
            return other(mode);
        }
        int base = view.base();
        int header = DatagramLayout.sampleHeaderLength(format);
        if (length < header + 4) {
            return broken(dataFormat, offset, length, mode, offset - base, "a sample of format " + format + " is " + length
                    + " bytes, shorter than its " + (header + 4) + "-byte header");
        }
        int end = offset + length;
        boolean flow = format == Sflow.SAMPLE_FLOW || format == Sflow.SAMPLE_EXPANDED_FLOW;
        long count = Bytes.u32(a, s + offset + header);
        int first = offset + header + 4;
        int p = first;
        int unknown = 0;
        for (long j = 0; j < count; j++) {
            if (end - p < DatagramLayout.ENTRY_DATA) {
                return broken(dataFormat, offset, length, mode, p - base, "the sample announces " + count
                        + " records but ends after " + j);
            }
            int recordFormat = Bytes.i32(a, s + p + DatagramLayout.ENTRY_FORMAT);
            long recordLength = Bytes.u32(a, s + p + DatagramLayout.ENTRY_LENGTH);
            long padded = (recordLength + 3) & ~3L;
            int data = p + DatagramLayout.ENTRY_DATA;
            if (padded > end - data) {
                return broken(dataFormat, offset, length, mode, p + DatagramLayout.ENTRY_LENGTH - base, "record " + j
                        + " announces " + recordLength + " bytes but " + (end - data) + " remain in its sample");
            }
            if (!RecordTypes.known(recordFormat, flow)) {
                unknown++;
            }
            mapper.note((int) j, recordFormat, data, (int) recordLength);
            p = data + (int) padded;
        }
        if (p != end) {
            return broken(dataFormat, offset, length, mode, p - base, (end - p) + " bytes follow the last of the sample's "
                    + count + " records");
        }
        view.standard(format, offset, length);
        view.records(first, (int) count);
        mapper.noted((int) count);
        counts.unknownRecords += unknown;
        switch (format) {
            case Sflow.SAMPLE_FLOW: counts.flowSamples++; counts.flowRecords += count; break;
            case Sflow.SAMPLE_EXPANDED_FLOW: counts.expandedFlowSamples++; counts.flowRecords += count; break;
            case Sflow.SAMPLE_COUNTER: counts.counterSamples++; counts.counterRecords += count; break;
            default: counts.expandedCounterSamples++; counts.counterRecords += count; break;
        }
        if (trackSequences) {
            sequences.sample(flow, view.sourceIdType(), view.sourceIdIndex(), view.sampleSequenceNumber());
        }
        switch (mode) {
            case MODE_RECORDS:
                if (flow) {
                    recordHandler.onRecord(view, mapper.map(view, a, s, view.base()));
                    return 1;
                }
                return 0;
            case MODE_PACKET:
                if (flow) {
                    packetRecords.add(mapper.map(view, a, s, view.base()).toRecord());
                    packetInfos.add(view);
                    return 1;
                }
                return 0;
            case MODE_SAMPLES:
                if (flow) {
                    sampleHandler.onFlowSample(view);
                } else {
                    sampleHandler.onCounterSample(view);
                }
                return 1;
            default:
                typedSamples.add(view.toSample());
                return 1;
        }
    }

    private int broken(int dataFormat, int offset, int length, int mode, long at, String reason) {
        fault(false, at, reason + (lenient ? "; the sample is kept as bytes" : ""));
        counts.brokenSamples++;
        view.other(dataFormat, offset, length);
        return other(mode);
    }

    private int other(int mode) {
        if (mode == MODE_SAMPLES) {
            sampleHandler.onOtherSample(view);
            return 1;
        }
        if (mode == MODE_TYPED) {
            typedSamples.add(view.toSample());
            return 1;
        }
        return 0;
    }

    /** Throws in strict mode; reports in lenient mode. */
    private void fault(boolean truncated, long offset, String reason) {
        if (!lenient) {
            throw truncated ? new TruncatedPacketException(FlowProtocol.SFLOW_V5, offset, reason)
                    : new MalformedPacketException(FlowProtocol.SFLOW_V5, offset, reason);
        }
        report(offset, reason);
    }

    private void report(long offset, String reason) {
        counts.problems++;
        listener.accept(new DecodeProblem(FlowProtocol.SFLOW_V5, offset, reason));
    }

    /** A record's content did not parse: strict throws, lenient reports (the caller keeps the record as bytes). */
    void contentProblem(ContentException e, int base) {
        long at = e.index() - base;
        if (!lenient) {
            throw new MalformedPacketException(FlowProtocol.SFLOW_V5, at, e.getMessage());
        }
        report(at, e.getMessage() + "; the record is kept as bytes");
    }

    /** Parses the sampled header of a raw packet header record of {@code length} bytes at {@code offset}. */
    SampledHeaderView parseRawHeader(byte[] a, int shift, int offset, int length, int base, SampledHeaderView into) {
        if (length < 16) {
            contentProblem(new ContentException(offset, "a raw packet header record of " + length
                    + " bytes is shorter than its 16-byte header"), base);
            return into.parse(a, shift + offset, 0, 0);
        }
        int protocol = Bytes.i32(a, shift + offset + DatagramLayout.RAW_HEADER_PROTOCOL);
        long headerLength = Bytes.u32(a, shift + offset + DatagramLayout.RAW_HEADER_LENGTH);
        int room = length - 16;
        if (headerLength > room) {
            contentProblem(new ContentException(offset + DatagramLayout.RAW_HEADER_LENGTH, "the sampled header announces " + headerLength
                    + " bytes but its record holds " + room), base);
            headerLength = room;
        }
        into.parse(a, shift + offset + DatagramLayout.RAW_HEADER, (int) headerLength, protocol);
        String problem = into.problem();
        if (problem != null) {
            counts.headerProblems++;
            report(offset + DatagramLayout.RAW_HEADER - base, "sampled header: " + problem + "; parsed up to there");
        }
        return into;
    }

    RecordView mapSample(SflowSampleView s) {
        return mapper.map(s, s.array(), s.shift(), s.base());
    }

    SflowExtensions extensions() {
        return extensions;
    }

    // ------------------------------------------------------------------ counters

    /**
     * What the decoder has met so far. {@code records} counts flow samples (compact and expanded: each is one
     * record); {@code repaired} the problems reported to the problem listener; {@code lostSequenceNumbers} the
     * datagram and sample sequence numbers skipped; {@code restarts} the sequence jumps taken as agent
     * restarts. The extras: {@code flowSamples}, {@code expandedFlowSamples}, {@code counterSamples},
     * {@code expandedCounterSamples}, {@code otherSamples} (discarded packet events and samples kept as bytes),
     * {@code brokenSamples} (standard samples whose structure was broken, kept as bytes in lenient mode),
     * {@code flowRecords} and {@code counterRecords} (records seen in the samples), {@code unknownRecords} (of an
     * enterprise other than 0 or a format the decoder does not know), {@code headerProblems} (sampled headers
     * whose parse stopped on a broken rule), {@code lostDatagrams}, {@code lostSamples}, {@code trackedSequences}.
     */
    @Override
    public io.github.flowcodec.core.DecoderCounters counters() {
        return counts.snapshot(sequences.datagrams, sequences.samples);
    }

    /**
     * The state of every tracked sequence: datagram sequences first, then sample sequences. Allocates.
     *
     * @return the states, a snapshot
     */
    public List<SflowSequenceState> sequenceStates() {
        return sequences.states();
    }

    /**
     * Builds an {@link SflowDecoder}.
     *
     * <pre>{@code
     * SflowDecoder d = SflowDecoder.builder().mode(DecodeMode.LENIENT).clock(System::currentTimeMillis).build();
     * }</pre>
     */
    public static final class Builder {
        private DecodeMode mode = DecodeMode.STRICT;
        private Consumer<DecodeProblem> listener = p -> { };
        private SflowExtensions extensions = SflowExtensions.none();
        private LongSupplier clock;
        private boolean trackSequences = true;
        private int maxTrackedAgents = 4096;
        private int maxTrackedSources = 65536;

        private Builder() {
        }

        /**
         * Strict (default) or lenient.
         *
         * @param mode {@link DecodeMode#STRICT} to throw on malformed input, {@link DecodeMode#LENIENT} to skip and
         *     report it
         * @return this builder
         */
        public Builder mode(DecodeMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Told of each problem met (called on the decoding thread).
         *
         * @param listener the listener; it must not block
         * @return this builder
         */
        public Builder problemListener(Consumer<DecodeProblem> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Typed codecs for enterprise record formats.
         *
         * @param extensions the codecs of enterprise (non-zero) record formats
         * @return this builder
         */
        public Builder extensions(SflowExtensions extensions) {
            this.extensions = Objects.requireNonNull(extensions, "extensions");
            return this;
        }

        /**
         * The clock giving each datagram's {@link ExportContext#exportTimeMillis()} (epoch milliseconds),
         * read once per datagram, e.g. {@code System::currentTimeMillis}. Without one (the default) it is
         * {@link ExportContext#NO_TIME}.
         *
         * @param epochMillis the clock, in milliseconds since the Unix epoch
         * @return this builder
         */
        public Builder clock(LongSupplier epochMillis) {
            this.clock = epochMillis;
            return this;
        }

        /**
         * Whether to track sequence numbers (default true).
         *
         * @param track false to skip sequence tracking (no per-agent state at all)
         * @return this builder
         */
        public Builder trackSequences(boolean track) {
            this.trackSequences = track;
            return this;
        }

        /**
         * The most agent/sub-agent pairs and data sources tracked before the tables are cleared (defaults 4096 and
         * 65536).
         *
         * @param agents the most (agent, sub-agent) pairs, at least 1
         * @param sources the most data sources, at least 1
         * @return this builder
         */
        public Builder maxTracked(int agents, int sources) {
            if (agents < 1 || sources < 1) {
                throw new IllegalArgumentException("at least one of each must be tracked");
            }
            this.maxTrackedAgents = agents;
            this.maxTrackedSources = sources;
            return this;
        }

        /**
         * The decoder.
         *
         * @return the decoder, for one thread
         */
        public SflowDecoder build() {
            return new SflowDecoder(this);
        }
    }
}
