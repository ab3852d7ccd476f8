package io.github.flowcodec.fuzz;

import static io.github.flowcodec.fuzz.FuzzSupport.buffer;
import static io.github.flowcodec.fuzz.FuzzSupport.datagrams;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeMaterialized;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeZeroCopy;
import static io.github.flowcodec.fuzz.FuzzSupport.options;
import static io.github.flowcodec.fuzz.FuzzSupport.timed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import io.github.flowcodec.netflow9.Netflow9Packet;
import java.util.List;

/**
 * NetFlow v9: the input is several datagrams of one exporter ({@link FuzzSupport#datagrams}: u16 length,
 * bytes, ...), so templates, options templates and data of one datagram meet those of the next (data before
 * its template held, then released). Four decoders see every datagram: strict and lenient, zero-copy and
 * materialized; the lenient materialized one has a pending-data buffer of 4 sets / 4 KiB so its bounds are
 * reached.
 */
class Netflow9FuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        List<byte[]> datagrams = datagrams(input);
        for (DecodeMode mode : DecodeMode.values()) {
            Netflow9Decoder zeroCopy = new Netflow9Decoder(options(mode));
            Netflow9Decoder materialized = mode == DecodeMode.LENIENT
                    ? new Netflow9Decoder(options(mode).toBuilder().maxPendingSets(4).maxPendingBytes(4096).build())
                    : new Netflow9Decoder(options(mode));
            int i = 0;
            for (byte[] d : datagrams) {
                boolean direct = (i++ & 1) == 1;
                timed("v9 zero-copy " + mode, () -> decodeZeroCopy(zeroCopy, buffer(d, direct)));
                timed("v9 materialized " + mode, () -> {
                    Netflow9Packet p = (Netflow9Packet) decodeMaterialized(materialized, buffer(d, direct));
                    p.header().toString();
                    p.templates().forEach(t -> t.toString());
                });
            }
            bounded(zeroCopy, DecoderOptions.DEFAULT_MAX_PENDING_SETS);
            bounded(materialized, mode == DecodeMode.LENIENT ? 4 : DecoderOptions.DEFAULT_MAX_PENDING_SETS);
        }
    }

    private static void bounded(Netflow9Decoder decoder, int pendingSets) {
        decoder.statistics();
        decoder.counters().toString();
        if (decoder.pendingSets() > pendingSets) {
            throw new AssertionError(decoder.pendingSets() + " sets pending, over the bound of " + pendingSets);
        }
        if (decoder.templateStore().size() > 4096) {
            throw new AssertionError(decoder.templateStore().size() + " templates stored");
        }
    }
}
