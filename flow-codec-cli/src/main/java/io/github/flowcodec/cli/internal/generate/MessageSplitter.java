package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FlowRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts records into NetFlow v9 or IPFIX packets one packet at a time, so an options record (the sampler's)
 * can open the first packet and every packet where the templates are resent: a collector that starts late, or
 * forgot the exporter, learns the sampling rate with the templates, as routers do it.
 */
final class MessageSplitter {

    /** One packet: writes records from {@code from} into {@code dst}; how many it wrote. */
    @FunctionalInterface
    interface OnePacket {
        int encode(List<FlowRecord> records, int from, ByteBuffer dst);
    }

    private final OnePacket encoder;
    private final int maxPacketSize;
    private final int refresh;
    /** Packets since the options record was last sent; -1 before the first. */
    private long sinceOptions = -1;
    private long optionsSent;

    /**
     * @param refresh the encoder's template refresh in packets (0: only at the start): the options record goes
     *                with the templates
     */
    MessageSplitter(OnePacket encoder, int maxPacketSize, int refresh) {
        this.encoder = encoder;
        this.maxPacketSize = maxPacketSize;
        this.refresh = refresh;
    }

    /** How many options records the packets so far carried. */
    long optionsSent() {
        return optionsSent;
    }

    /** What the packets carried besides flow records: options records, when sampled. */
    ExportEncoder.Alongside alongside(boolean sampled) {
        return sampled ? new ExportEncoder.Alongside(optionsSent, "options record", "options records") : ExportEncoder.Alongside.NOTHING;
    }

    /** The packets of the records; {@code options} (or null) opens the packets where it is due. */
    List<ByteBuffer> encode(List<FlowRecord> records, FlowRecord options) {
        List<ByteBuffer> out = new ArrayList<>();
        int from = 0;
        do {
            ByteBuffer b = ByteBuffer.allocate(maxPacketSize);
            boolean due = options != null && (sinceOptions < 0 || (refresh > 0 && sinceOptions >= refresh));
            if (due) {
                List<FlowRecord> withOptions = new ArrayList<>(records.size() - from + 1);
                withOptions.add(options);
                withOptions.addAll(records.subList(from, records.size()));
                int written = encoder.encode(withOptions, 0, b);
                if (written > 0) { // else the packet held templates only: the options record goes in the next
                    from += written - 1;
                    sinceOptions = 0;
                    optionsSent++;
                }
            } else {
                from += encoder.encode(records, from, b);
            }
            if (sinceOptions >= 0) {
                sinceOptions++;
            }
            out.add(b.flip());
        } while (from < records.size());
        return out;
    }
}
