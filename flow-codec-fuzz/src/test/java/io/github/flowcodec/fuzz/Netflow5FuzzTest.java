package io.github.flowcodec.fuzz;

import static io.github.flowcodec.fuzz.FuzzSupport.buffer;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeMaterialized;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeZeroCopy;
import static io.github.flowcodec.fuzz.FuzzSupport.options;
import static io.github.flowcodec.fuzz.FuzzSupport.timed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.netflow5.Netflow5Decoder;
import io.github.flowcodec.netflow5.Netflow5Packet;

/** NetFlow v5: one datagram per input, strict and lenient, zero-copy and materialized, heap and direct. */
class Netflow5FuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        for (DecodeMode mode : DecodeMode.values()) {
            Netflow5Decoder decoder = new Netflow5Decoder(options(mode));
            timed("v5 zero-copy " + mode, () -> decodeZeroCopy(decoder, buffer(input, false)));
            timed("v5 zero-copy direct " + mode, () -> decodeZeroCopy(decoder, buffer(input, true)));
            timed("v5 materialized " + mode, () -> {
                Netflow5Packet p = (Netflow5Packet) decodeMaterialized(decoder, buffer(input, false));
                p.header().toString();
            });
            decoder.statistics();
        }
    }
}
