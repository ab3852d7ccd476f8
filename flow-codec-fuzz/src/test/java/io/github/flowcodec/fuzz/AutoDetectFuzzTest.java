package io.github.flowcodec.fuzz;

import static io.github.flowcodec.fuzz.FuzzSupport.buffer;
import static io.github.flowcodec.fuzz.FuzzSupport.datagrams;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeMaterialized;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeZeroCopy;
import static io.github.flowcodec.fuzz.FuzzSupport.options;
import static io.github.flowcodec.fuzz.FuzzSupport.timed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowProtocol;
import java.util.List;
import java.util.Optional;

/**
 * Core's auto-detecting decoder ({@link FlowDecoders#autoDetecting}) with all four codec modules present:
 * several datagrams per input, of any protocols mixed, from one exporter on one port (one template store
 * shared by the v9 and IPFIX decoders behind it), strict and lenient, zero-copy and materialized.
 */
class AutoDetectFuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        List<byte[]> datagrams = datagrams(input);
        for (DecodeMode mode : DecodeMode.values()) {
            DatagramDecoder<?> zeroCopy = FlowDecoders.autoDetecting(options(mode));
            DatagramDecoder<?> materialized = FlowDecoders.autoDetecting(options(mode));
            int i = 0;
            for (byte[] d : datagrams) {
                boolean direct = (i++ & 1) == 1;
                Optional<FlowProtocol> detected = FlowDecoders.detect(buffer(d, direct));
                timed("auto zero-copy " + mode + " " + detected, () -> decodeZeroCopy(zeroCopy, buffer(d, direct)));
                timed("auto materialized " + mode + " " + detected, () -> decodeMaterialized(materialized, buffer(d, direct)));
            }
            zeroCopy.statistics();
            materialized.statistics();
        }
    }
}
