package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.testsupport.CorpusReencoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every IPFIX datagram of every capture of the shared corpus, decoded (lenient, one decoder per capture with
 * its real exporter addresses) and encoded again with {@link IpfixEncoder#encodeAsDecoded}, gives back its own
 * bytes: header as sent, sets in their order, withdrawals, templates and records re-encoded from the decoded
 * {@code Template}s and {@code FlowRecord}s, padding and the bytes the decoder could not read kept as they
 * were. The captures that cannot be reproduced would be named in {@link #NOT_REPRODUCED} with the reason: none.
 */
class IpfixCorpusReencodeTest {

    /** Captures whose datagrams do not come back byte for byte, and why. */
    static final Map<String, String> NOT_REPRODUCED = Map.of();

    /** 9,284 records re-encoded; 0.7 % of the bytes kept: padding, and data of captures that start before their templates. */
    private static final CorpusReencoding CORPUS = new CorpusReencoding(CorpusPcap.CORPUS.resolve("ipfix"), "IPFIX",
            NOT_REPRODUCED, 9000, 0.02);

    @TestFactory
    Stream<DynamicTest> everyDatagramReencodesByteForByte() throws IOException {
        return CORPUS.tests(file -> CorpusPcap.read(file).stream()
                .map(d -> new CorpusReencoding.Datagram(d.from(), d.payload())).toList(), () -> {
                    IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
                    return d -> {
                        IpfixMessage m;
                        try {
                            m = decoder.decode(ByteBuffer.wrap(d.payload()), d.from());
                        } catch (FlowCodecException e) {
                            return null;
                        }
                        return new CorpusReencoding.Again(IpfixEncoder.encodeAsDecoded(m), m.parts().keptBytes(),
                                m.parts().recordsWritten());
                    };
                });
    }

    @AfterAll
    static void reencodedFromRecords() {
        CORPUS.checkTotals();
    }
}
