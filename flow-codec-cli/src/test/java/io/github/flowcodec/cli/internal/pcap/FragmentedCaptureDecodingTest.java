package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ethernet;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowJsonWriter;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcodec decode} decodes NetFlow datagrams that were IP-fragmented in the capture. */
class FragmentedCaptureDecodingTest {

    @Test
    void decodesFragmentedDatagrams(@TempDir Path dir) throws IOException {
        byte[] netflow = netflowV5(30); // 1464 bytes
        byte[] v4 = UdpFrameBuilder.ipPacket(
                ip("192.0.2.1"), 50000, ip("198.51.100.2"), 2055, ByteBuffer.wrap(netflow), 0x77);
        byte[] v6 = UdpFrameBuilder.ipPacket(
                ip("2001:db8::1"), 50000, ip("2001:db8::2"), 2055, ByteBuffer.wrap(netflow), 0);
        List<byte[]> v4Fragments = Fragments.split(v4, 0, 504, 504);
        List<byte[]> v6Fragments = Fragments.split(v6, 0x01020304, 800);
        TestCaptures.ClassicPcap pcap =
                new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.LITTLE_ENDIAN, LinkType.ETHERNET);
        pcap.record(1, 0, ethernet(v4Fragments.get(2)));
        pcap.record(1, 1, ethernet(v6Fragments.get(0)));
        pcap.record(1, 2, ethernet(v4Fragments.get(0)));
        pcap.record(1, 3, ethernet(v4));
        pcap.record(1, 4, ethernet(v6Fragments.get(1)));
        pcap.record(1, 5, ethernet(v4Fragments.get(1)));
        Path file = dir.resolve("fragmented.pcap");
        Files.write(file, pcap.build());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CaptureDecoding decoding;
        try (FlowJsonWriter json = new FlowJsonWriter(out, JsonLayout.COMPACT, false)) {
            decoding = new CaptureDecoding(json, new PrintWriter(err, true), DecoderOptions.DEFAULT);
            decoding.decodeFile(file);
        }

        assertThat(err.toString()).isEmpty();
        assertThat(decoding.failures()).isZero();
        assertThat(decoding.datagrams()).isEqualTo(3);
        assertThat(decoding.records()).isEqualTo(90);
        assertThat(out.toString().lines()).hasSize(90);
    }

    /** A NetFlow v5 datagram with {@code count} records. */
    private static byte[] netflowV5(int count) {
        ByteBuffer b = ByteBuffer.allocate(24 + 48 * count);
        b.putShort((short) 5).putShort((short) count).putInt(3_600_000).putInt(1_700_000_000).putInt(0);
        b.putInt(42).put((byte) 0).put((byte) 1).putShort((short) 0);
        for (int i = 0; i < count; i++) {
            b.putInt(0x0A000001 + i).putInt(0x0A000101).putInt(0); // src, dst, next hop
            b.putShort((short) 1).putShort((short) 2); // input, output
            b.putInt(10 + i).putInt(1000 + i).putInt(3_500_000).putInt(3_599_000); // packets, octets, first, last
            b.putShort((short) (40000 + i)).putShort((short) 443); // ports
            b.put((byte) 0).put((byte) 0x18).put((byte) 6).put((byte) 0); // pad, TCP flags, protocol, ToS
            b.putShort((short) 0).putShort((short) 0).put((byte) 24).put((byte) 24).putShort((short) 0);
        }
        return b.array();
    }
}
