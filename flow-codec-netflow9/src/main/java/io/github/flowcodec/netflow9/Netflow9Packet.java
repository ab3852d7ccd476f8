package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.PacketParts;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A decoded NetFlow v9 packet, materialized and immutable: header, data records with their sampling rates,
 * options records, the templates it carried, and earlier packets' data that it let the decoder decode.
 *
 * <pre>{@code
 * Netflow9Packet p = new Netflow9Decoder(DecoderOptions.DEFAULT).decode(datagram, exporter);
 * for (FlowRecord r : p.records()) {
 *     long bytes = r.getLong(octets, 0);
 *     long rate = p.samplingRate(r);
 * }
 * }</pre>
 */
public final class Netflow9Packet implements FlowPacket {

    private final InetSocketAddress exporter;
    private final Netflow9Header header;
    private final List<FlowRecord> records;
    private final long[] samplingRates;
    private final List<FlowRecord> optionsRecords;
    private final List<Template> templates;
    private final List<FlowPacket> released;
    /** How the packet lay on the wire ({@code null} for released data): what {@link Netflow9Encoder#encodeAsDecoded} writes. */
    private final PacketParts parts;

    Netflow9Packet(InetSocketAddress exporter, Netflow9Header header, List<FlowRecord> records, long[] samplingRates,
                   List<FlowRecord> optionsRecords, List<Template> templates, List<FlowPacket> released, PacketParts parts) {
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.header = Objects.requireNonNull(header, "header");
        this.records = List.copyOf(records);
        this.samplingRates = samplingRates.clone();
        this.optionsRecords = List.copyOf(optionsRecords);
        this.templates = List.copyOf(templates);
        this.released = List.copyOf(released);
        this.parts = parts;
    }

    PacketParts parts() {
        return parts;
    }

    /** The header. */
    public Netflow9Header header() {
        return header;
    }

    /** Templates and options templates this packet carried, in packet order. */
    public List<Template> templates() {
        return templates;
    }

    @Override
    public List<FlowRecord> records() {
        return records;
    }

    @Override
    public List<FlowRecord> optionsRecords() {
        return optionsRecords;
    }

    @Override
    public List<FlowPacket> releasedPackets() {
        return released;
    }

    /** The sampling rate of the i-th data record (0 when unknown). */
    public long samplingRate(int recordIndex) {
        return samplingRates[recordIndex];
    }

    /** The sampling rate of one of this packet's data records (the first equal one), or of the packet. */
    @Override
    public long samplingRate(FlowRecord record) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == record) {
                return samplingRates[i];
            }
        }
        int i = records.indexOf(record);
        return i >= 0 ? samplingRates[i] : samplingRate();
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.NETFLOW_V9;
    }

    @Override
    public InetSocketAddress exporter() {
        return exporter;
    }

    @Override
    public long sequenceNumber() {
        return header.sequence();
    }

    @Override
    public long exportTimeMillis() {
        return header.exportTimeMillis();
    }

    @Override
    public long systemUptimeMillis() {
        return header.sysUptimeMillis();
    }

    @Override
    public long observationDomainId() {
        return header.sourceId();
    }

    /** The sampling rate shared by every data record, or 0 if they differ or none is known. */
    @Override
    public long samplingRate() {
        if (samplingRates.length == 0) {
            return 0;
        }
        long first = samplingRates[0];
        for (long r : samplingRates) {
            if (r != first) {
                return 0;
            }
        }
        return first;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Netflow9Packet p && exporter.equals(p.exporter) && header.equals(p.header)
                && records.equals(p.records) && Arrays.equals(samplingRates, p.samplingRates)
                && optionsRecords.equals(p.optionsRecords) && templates.equals(p.templates) && released.equals(p.released);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, records, optionsRecords, templates);
    }

    @Override
    public String toString() {
        return "Netflow9Packet[" + header + ", " + records.size() + " records, " + optionsRecords.size()
                + " options records, " + templates.size() + " templates, " + released.size() + " released]";
    }
}
