package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.templated.RecordArray;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the materialized packets of the template-based protocols (NetFlow v9, IPFIX) hold alike: the
 * header, its values as an {@link ExportContext} ({@link PacketExportContext}, and the uptime as the decoder
 * worked it out), the data records with a sampling rate each, the options records, the templates the packet
 * carried and the earlier packets' data it released. Immutable; two packets are equal when they are of the same class and came from the same
 * exporter with the same header, records, rates, options records, templates and released packets.
 *
 * <pre>{@code
 * TemplatedFlowPacket<?> p = new Netflow9Decoder().decode(datagram, exporter);
 * for (int i = 0; i < p.records().size(); i++) {
 *     long rate = p.samplingRate(i);   // the i-th data record's own rate, 0 when unknown
 * }
 * int carried = p.templates().size();
 * }</pre>
 *
 * @param <H> the protocol's header record
 */
public abstract class TemplatedFlowPacket<H> extends PacketExportContext implements FlowPacket {

    private final H header;
    private final long systemUptimeMillis;
    private final List<FlowRecord> records;
    /** Each data record's sampling rate, or {@code null} when they are all {@link #uniformRate} (no array per packet). */
    private final long[] samplingRates;
    private final long uniformRate;
    private final List<FlowRecord> optionsRecords;
    private final List<Template> templates;
    private final List<FlowPacket> released;

    /**
     * @param protocol the protocol
     * @param exporter where the packet came from
     * @param header the header as sent
     * @param exportSeconds the header's export time, in seconds since the Unix epoch
     * @param sequenceNumber the header's sequence number
     * @param systemUptimeMillis the exporter's uptime at export, or {@link #NO_TIME}
     * @param observationDomainId the observation domain or source id
     * @param records the data records, in packet order
     * @param samplingRates the sampling rate of each data record (0 when unknown), copied; when every record has
     *     the same rate, an array of just that rate (or an empty one for 0) says the same
     * @param optionsRecords the options records, in packet order
     * @param templates the templates and options templates the packet carried, in packet order
     * @param released earlier packets' data this packet released
     */
    protected TemplatedFlowPacket(FlowProtocol protocol, InetSocketAddress exporter, H header, long exportSeconds,
            long sequenceNumber, long systemUptimeMillis, long observationDomainId, List<FlowRecord> records,
            long[] samplingRates, List<FlowRecord> optionsRecords, List<Template> templates, List<FlowPacket> released) {
        super(protocol);
        packet(Objects.requireNonNull(exporter, "exporter"), exportSeconds, sequenceNumber, observationDomainId);
        this.header = Objects.requireNonNull(header, "header");
        this.systemUptimeMillis = systemUptimeMillis;
        this.records = records instanceof RecordArray ? records : List.copyOf(records); // a decoder's own list: not copied
        long first = samplingRates.length == 0 ? 0 : samplingRates[0];
        boolean uniform = true;
        for (long r : samplingRates) {
            uniform &= r == first;
        }
        this.uniformRate = first;
        this.samplingRates = uniform ? null : samplingRates.clone();
        this.optionsRecords = List.copyOf(optionsRecords);
        this.templates = List.copyOf(templates);
        this.released = List.copyOf(released);
    }

    /**
     * The header.
     *
     * @return the packet header
     */
    public final H header() {
        return header;
    }

    /**
     * Templates and options templates this packet carried, in packet order.
     *
     * @return the templates, unmodifiable
     */
    public final List<Template> templates() {
        return templates;
    }

    @Override
    public final List<FlowRecord> records() {
        return records;
    }

    @Override
    public final List<FlowRecord> optionsRecords() {
        return optionsRecords;
    }

    @Override
    public final List<FlowPacket> releasedPackets() {
        return released;
    }

    /**
     * The sampling rate of the i-th data record (0 when unknown).
     *
     * @param recordIndex the record's position in {@link #records()}, from 0
     * @return packets per sampled packet, 0 when unknown
     */
    public final long samplingRate(int recordIndex) {
        long[] r = samplingRates;
        if (r != null) {
            return r[recordIndex];
        }
        Objects.checkIndex(recordIndex, records.size());
        return uniformRate;
    }

    /** The sampling rate of one of this packet's data records (the first equal one), or of the packet. */
    @Override
    public final long samplingRate(FlowRecord record) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == record) {
                return samplingRate(i);
            }
        }
        int i = records.indexOf(record);
        return i >= 0 ? samplingRate(i) : samplingRate();
    }

    /** The sampling rate shared by every data record, or 0 if they differ or none is known. */
    @Override
    public final long samplingRate() {
        long[] rates = samplingRates;
        if (rates == null) {
            return uniformRate;
        }
        long first = rates[0];
        for (long r : rates) {
            if (r != first) {
                return 0;
            }
        }
        return first;
    }

    @Override
    public final long systemUptimeMillis() {
        return systemUptimeMillis;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && o instanceof TemplatedFlowPacket<?> p
                && exporter().equals(p.exporter()) && header.equals(p.header) && records.equals(p.records)
                && Arrays.equals(samplingRates, p.samplingRates) && uniformRate == p.uniformRate && optionsRecords.equals(p.optionsRecords)
                && templates.equals(p.templates) && released.equals(p.released);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(header, records, optionsRecords, templates);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + header + ", " + records.size() + " records, " + optionsRecords.size()
                + " options records, " + templates.size() + " templates, " + released.size() + " released]";
    }
}
