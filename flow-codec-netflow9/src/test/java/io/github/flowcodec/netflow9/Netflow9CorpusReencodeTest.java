package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.testsupport.CorpusReencoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every NetFlow v9 datagram of every capture of the shared corpus, decoded (lenient, one decoder per capture
 * with its real exporter addresses) and encoded again with {@link Netflow9Encoder#encodeAsDecoded}, gives back
 * its own bytes: header as sent, sets in their order, templates and records re-encoded from the decoded
 * {@code Template}s and {@code FlowRecord}s, padding and the bytes the decoder could not read kept as they were.
 * The captures that cannot be reproduced would be named in {@link #NOT_REPRODUCED} with the reason: none.
 */
class Netflow9CorpusReencodeTest {

    /** Captures whose datagrams do not come back byte for byte, and why. */
    static final Map<String, String> NOT_REPRODUCED = Map.of();

    /** 524 records re-encoded; 24 % of the bytes kept: the akvorado *-data captures' templates are in other captures. */
    private static final CorpusReencoding CORPUS = new CorpusReencoding(Path.of("../../shared/corpus/netflow9"),
            "NetFlow v9", NOT_REPRODUCED, 500, 0.30);

    @TestFactory
    Stream<DynamicTest> everyDatagramReencodesByteForByte() throws IOException {
        return CORPUS.tests(file -> Netflow9CorpusCaptureTest.read(file).stream()
                .map(d -> new CorpusReencoding.Datagram(d.from(), d.payload())).toList(), () -> {
                    Netflow9Decoder decoder = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
                    return d -> {
                        Netflow9Packet p;
                        try {
                            p = decoder.decode(ByteBuffer.wrap(d.payload()), d.from());
                        } catch (FlowCodecException e) {
                            return null;
                        }
                        return new CorpusReencoding.Again(Netflow9Encoder.encodeAsDecoded(p), p.parts().keptBytes(),
                                p.parts().recordsWritten());
                    };
                });
    }

    @AfterAll
    static void reencodedFromRecords() {
        CORPUS.checkTotals();
    }
}
