package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Decodes NetFlow v5 datagrams, zero-copy to a handler or into an immutable {@link Netflow5Packet}.
 *
 * <p>Strict mode rejects a packet whose header count is above 30 or does not match the datagram's
 * length. Lenient mode keeps the whole records that are present (up to the count, at most 30), reports
 * the mismatch to the options' problem listener and counts it. A datagram shorter than the header or of
 * another version is rejected in both modes. Errors carry the byte offset from the datagram's start.
 *
 * <p>A handler that overrides {@link FlowRecordHandler#onDataSet} gets a datagram's records as one
 * {@link DataSetView}, for column reads such as {@code set.getLongs(Netflow5.OCTETS, octets)}; the default
 * hands each record to {@code onRecord}.
 *
 * <p>One decoder per thread: it reuses its header and record views. It keeps no state between packets
 * beyond its counters.
 *
 * <pre>{@code
 * Netflow5Decoder decoder = new Netflow5Decoder();
 * long[] bytes = {0};
 * decoder.decode(datagram, exporter, (ctx, record) -> bytes[0] += record.getLong(Netflow5.OCTETS));
 *
 * Netflow5Packet packet = decoder.decode(datagram, exporter);   // materialized
 * }</pre>
 */
public final class Netflow5Decoder implements DatagramDecoder<Netflow5HeaderView> {

    private final DecoderOptions options;
    private final boolean lenient;
    private final Netflow5HeaderView header = new Netflow5HeaderView();
    private final RecordView view = new RecordView();
    /** The datagram's records as one set, for {@link FlowRecordHandler#onDataSet} (whose default hands each to onRecord). */
    private final DataSetView set = new DataSetView(view);
    private long packets;
    private long records;
    private long repaired;
    private long rejected;

    /** A strict decoder. */
    public Netflow5Decoder() {
        this(DecoderOptions.DEFAULT);
    }

    /**
     * A decoder with these options (mode and problem listener are used).
     *
     * @param options the decode mode and problem listener; the template store and registry are not used by NetFlow v5
     */
    public Netflow5Decoder(DecoderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.lenient = options.lenient();
    }

    @Override
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<? super Netflow5HeaderView> handler) {
        Objects.requireNonNull(handler, "handler");
        ByteBuffer buf = RecordView.bigEndian(datagram);
        int base = buf.position();
        int n = recordsToRead(buf, base, buf.limit() - base);
        header.wrap(buf, base, exporter == null ? ExportContext.UNKNOWN_EXPORTER : exporter);
        if (n > 0) {
            handler.onDataSet(header, set.wrap(Netflow5.TEMPLATE, buf, base + Netflow5.HEADER_LENGTH, n));
        }
        packets++;
        records += n;
        return n;
    }

    @Override
    public Netflow5Packet decode(ByteBuffer datagram, InetSocketAddress exporter) {
        ByteBuffer buf = RecordView.bigEndian(datagram);
        int base = buf.position();
        int n = recordsToRead(buf, base, buf.limit() - base);
        header.wrap(buf, base, exporter == null ? ExportContext.UNKNOWN_EXPORTER : exporter);
        FlowRecord[] list = new FlowRecord[n];
        int offset = base + Netflow5.HEADER_LENGTH;
        for (int i = 0; i < n; i++, offset += Netflow5.RECORD_LENGTH) {
            list[i] = view.wrap(Netflow5.TEMPLATE, buf, offset).toRecord();
        }
        packets++;
        records += n;
        return new Netflow5Packet(header.toHeader(), header.exporter(), List.of(list));
    }

    /** Checks the header and decides how many records to read; throws (counting the datagram rejected) or reports what is wrong. */
    private int recordsToRead(ByteBuffer buf, int base, int length) {
        try {
            return checkedRecordCount(buf, base, length);
        } catch (io.github.flowcodec.core.FlowCodecException e) {
            rejected++;
            throw e;
        }
    }

    private int checkedRecordCount(ByteBuffer buf, int base, int length) {
        if (length < Netflow5.HEADER_LENGTH) {
            throw new TruncatedPacketException(FlowProtocol.NETFLOW_V5, length,
                    "the datagram is " + length + " bytes, shorter than the 24-byte header");
        }
        int version = buf.getShort(base + Netflow5Layout.VERSION) & 0xFFFF;
        if (version != Netflow5.VERSION) {
            throw new UnsupportedVersionException(FlowProtocol.NETFLOW_V5, Netflow5Layout.VERSION, "version " + version + ", not 5");
        }
        int count = buf.getShort(base + Netflow5Layout.COUNT) & 0xFFFF;
        int body = length - Netflow5.HEADER_LENGTH;
        int present = body / Netflow5.RECORD_LENGTH;
        int partial = body % Netflow5.RECORD_LENGTH;
        if (count > Netflow5.MAX_RECORDS) {
            String reason = "count " + count + " is more than the 30 records a v5 packet holds";
            if (!lenient) {
                throw new MalformedPacketException(FlowProtocol.NETFLOW_V5, Netflow5Layout.COUNT, reason);
            }
            report(Netflow5Layout.COUNT, reason + "; reading the " + Math.min(present, Netflow5.MAX_RECORDS) + " whole records present");
            return Math.min(present, Netflow5.MAX_RECORDS);
        }
        // a count that disagrees with the bytes is the field that lies: the offset is the count's, as a NetFlow v9
        // or IPFIX set length that runs past the end points at that length; bytes after records the count
        // rightly counts point where they start, as bytes after the last set do
        if (count > present) {
            String reason = "count " + count + " records need " + (Netflow5.HEADER_LENGTH + count * Netflow5.RECORD_LENGTH)
                    + " bytes but the datagram is " + length;
            if (!lenient) {
                throw new TruncatedPacketException(FlowProtocol.NETFLOW_V5, Netflow5Layout.COUNT, reason);
            }
            report(Netflow5Layout.COUNT, reason + "; reading the " + present + " whole records present");
            return present;
        }
        if (count < present || partial != 0) {
            long at = Netflow5.HEADER_LENGTH + (long) count * Netflow5.RECORD_LENGTH;
            if (count < present) {
                at = Netflow5Layout.COUNT;
            }
            String reason = (length - Netflow5.HEADER_LENGTH - (long) count * Netflow5.RECORD_LENGTH) + " bytes follow the "
                    + count + " records the header counts";
            if (!lenient) {
                throw new MalformedPacketException(FlowProtocol.NETFLOW_V5, at, reason);
            }
            report(at, reason + "; ignored");
        }
        return count;
    }

    private void report(long offset, String reason) {
        repaired++;
        options.problemListener().accept(new DecodeProblem(FlowProtocol.NETFLOW_V5, offset, reason));
    }

    /**
     * What the decoder met so far: datagrams decoded (lenient repairs included, rejected ones not), records
     * handed over or materialized, datagrams whose count or length was off and which lenient mode decoded
     * anyway ({@code repaired}), datagrams refused ({@code rejected}).
     */
    @Override
    public io.github.flowcodec.core.DecoderCounters counters() {
        return io.github.flowcodec.core.DecoderCounters.builder(FlowProtocol.NETFLOW_V5).datagrams(packets).records(records)
                .repaired(repaired).rejected(rejected).build();
    }
}
