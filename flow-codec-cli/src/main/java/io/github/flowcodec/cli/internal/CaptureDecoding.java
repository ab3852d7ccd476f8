package io.github.flowcodec.cli.internal;

import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.cli.internal.pcap.CaptureReader;
import io.github.flowcodec.cli.internal.pcap.CapturedPacket;
import io.github.flowcodec.cli.internal.pcap.FragmentReassembler;
import io.github.flowcodec.cli.internal.pcap.UdpDatagram;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.ipfix.Ipfix;
import io.github.flowcodec.ipfix.IpfixFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes the UDP payloads of capture files to JSON lines or protobuf: what {@code flowcodec decode} does. Payloads
 * that fail to decode are reported on the error writer, one line each, and decoding goes on.
 *
 * <p>A file that is neither pcap nor pcapng but starts with IPFIX's version (10) is read as an RFC 5655
 * IPFIX file: its messages back to back, decoded in order by the same decoder. A file has no transport, so
 * its records have no {@code sampler_address}, and their {@code time_received_ns} is the export time of
 * their message; "packet N" in reports is then the message number.
 */
public final class CaptureDecoding {

    private final FlowOutput out;
    private final PrintWriter err;
    private final DatagramDecoder<?> decoder;
    private String currentFile = "";
    private long currentPacket;
    private long datagrams;
    private long records;
    private long failures;

    public CaptureDecoding(FlowOutput out, PrintWriter err, DecoderOptions options) {
        this.out = out;
        this.err = err;
        DecoderOptions withReports = options.toBuilder().problemListener(p ->
                err.println(currentFile + ": packet " + currentPacket + ": repaired: " + p)).build();
        this.decoder = FlowDecoders.autoDetecting(withReports);
    }

    /**
     * Decodes every UDP datagram of one capture file.
     *
     * @throws IOException if the file cannot be opened or is not a readable capture
     */
    public void decodeFile(Path file) throws IOException {
        currentFile = file.toString();
        if (isIpfixFile(file)) {
            decodeIpfixFile(file);
            return;
        }
        // each packet is decoded (the decoders copy what they keep, the reassembler copies fragments) before the next is read
        try (CaptureReader reader = CaptureReader.open(file).reuseBuffers()) {
            FragmentReassembler reassembler = new FragmentReassembler();
            Optional<CapturedPacket> packet;
            while ((packet = reader.next()).isPresent()) {
                currentPacket = packet.get().packetNumber();
                Optional<UdpDatagram> udp = reassembler.accept(packet.get());
                if (udp.isPresent()) {
                    decodeDatagram(udp.get());
                }
            }
            reportMissingTemplates();
            long lost = reassembler.pendingDatagrams() + reassembler.evictedDatagrams() + reassembler.conflictingDatagrams()
                    + reassembler.invalidDatagrams();
            if (lost > 0) {
                err.println(currentFile + ": " + lost + " IP-fragmented datagrams could not be reassembled ("
                        + reassembler.pendingDatagrams() + " incomplete at the end, " + reassembler.evictedDatagrams()
                        + " evicted, " + (reassembler.conflictingDatagrams() + reassembler.invalidDatagrams())
                        + " conflicting or invalid)");
            }
        }
    }

    /**
     * Whether the file starts as an IPFIX message does (version 10) rather than with a pcap or pcapng magic
     * number (none of which starts with 0x000A).
     */
    private static boolean isIpfixFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(2);
            return b.length == 2 && ((b[0] & 0xFF) << 8 | (b[1] & 0xFF)) == Ipfix.VERSION;
        }
    }

    /** Decodes every message of an RFC 5655 IPFIX file; a file cut inside a message ends with an IOException. */
    private void decodeIpfixFile(Path file) throws IOException {
        try (IpfixFileReader reader = IpfixFileReader.open(file)) {
            currentPacket = 0;
            while (true) {
                long offset = reader.offset();
                Optional<ByteBuffer> message;
                try {
                    message = reader.next();
                } catch (FlowCodecException e) {
                    reportMissingTemplates();
                    throw new IOException("not a whole IPFIX file: " + e.getMessage(), e);
                }
                if (message.isEmpty()) {
                    break;
                }
                currentPacket++;
                datagrams++;
                try {
                    records += decoder.decode(message.get(), IpfixFileReader.FILE_EXPORTER, (ctx, record) -> {
                        try {
                            out.write(ctx, record, ctx.exportTimeMillis() * 1_000_000L, null);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (FlowCodecException e) {
                    failures++;
                    err.println(currentFile + ": message " + currentPacket + " at offset " + offset + ": " + e.getMessage());
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            reportMissingTemplates();
        }
    }

    /** The exporter of the last datagram: most datagrams come from the exporter of the one before. */
    private InetSocketAddress lastExporter;

    private void decodeDatagram(UdpDatagram d) throws IOException {
        datagrams++;
        InetSocketAddress exporter = lastExporter;
        if (exporter == null || exporter.getPort() != d.srcPort() || !exporter.getAddress().equals(d.srcAddress())) {
            exporter = new InetSocketAddress(d.srcAddress(), d.srcPort());
            lastExporter = exporter;
        }
        try {
            records += decoder.decode(d.payload(), exporter, (ctx, record) -> {
                try {
                    out.write(ctx, record, d.timestampNanos(), d.srcAddress());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (FlowCodecException e) {
            failures++;
            err.println(currentFile + ": packet " + d.packetNumber() + " from " + d.srcAddress().getHostAddress()
                    + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long reportedWaiting;
    private long reportedDropped;

    /** Says how many data sets of this file still wait for a template, or were dropped for want of one. */
    private void reportMissingTemplates() {
        io.github.flowcodec.core.DecoderCounters c = decoder.counters();
        long dropped = c.missingTemplateSetsDropped();
        long waiting = c.pendingSets();
        if (waiting > reportedWaiting || dropped > reportedDropped) {
            err.println(currentFile + ": missing templates: " + Math.max(0, waiting - reportedWaiting)
                    + " data sets still wait for their template, " + (dropped - reportedDropped) + " were dropped");
        }
        reportedWaiting = waiting;
        reportedDropped = dropped;
    }

    /** UDP datagrams seen. */
    public long datagrams() {
        return datagrams;
    }

    /** Flow records written. */
    public long records() {
        return records;
    }

    /** Datagrams that could not be decoded. */
    public long failures() {
        return failures;
    }
}
