package io.github.flowcodec.ipfix;

import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stream decoder frames messages by their length whatever way the bytes are cut. */
class IpfixStreamDecoderTest {

    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.5", 4739);
    static List<FlowRecord> records;
    static byte[] stream;
    static int messages;

    @BeforeAll
    static void encode() throws Exception {
        Template v4 = Template.builder(256).field(e("sourceIPv4Address")).field(e("destinationIPv4Address")).field(e("octetDeltaCount"), 4).build();
        Template names = Template.builder(257).field(e("interfaceName")).field(e("packetDeltaCount"), 2).build();
        records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(i % 3 == 0
                    ? FlowRecord.builder(names).setString(0, "if" + "x".repeat(i * 7)).setLong(1, i).build()
                    : FlowRecord.builder(v4).setAddress(0, InetAddress.getByName("10.0.0." + i)).setAddress(1, InetAddress.getByName("10.1.0." + i))
                    .setLong(2, i * 100).build());
        }
        IpfixEncoder enc = IpfixEncoder.builder().maxDatagramSize(400).templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO)
                .clock(() -> 1_700_000_000_000L).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ByteBuffer> ms = enc.encode(records);
        for (ByteBuffer m : ms) {
            byte[] b = new byte[m.remaining()];
            m.get(b);
            out.writeBytes(b);
        }
        stream = out.toByteArray();
        messages = ms.size();
        assertThat(messages).isGreaterThan(5);
    }

    private static List<FlowRecord> feed(List<byte[]> chunks) {
        IpfixStreamDecoder s = new IpfixStreamDecoder(new IpfixDecoder(), PEER);
        List<FlowRecord> got = new ArrayList<>();
        for (byte[] c : chunks) {
            ByteBuffer b = ByteBuffer.wrap(c);
            s.feed(b, (ctx, r) -> got.add(r.toRecord()));
            assertThat(b.hasRemaining()).isFalse();
        }
        assertThat(s.buffered()).isZero();
        assertThat(s.messages()).isEqualTo(messages);
        assertThat(s.offset()).isEqualTo(stream.length);
        return got;
    }

    @Test
    void splitAtEveryByteBoundary() {
        for (int k = 0; k <= stream.length; k++) {
            List<FlowRecord> got = feed(List.of(java.util.Arrays.copyOfRange(stream, 0, k), java.util.Arrays.copyOfRange(stream, k, stream.length)));
            assertThat(got).as("split at " + k).isEqualTo(records);
        }
    }

    @Test
    void oneByteAtATimeAndInThreeUnevenPieces() {
        List<byte[]> bytes = new ArrayList<>();
        for (byte x : stream) {
            bytes.add(new byte[] {x});
        }
        assertThat(feed(bytes)).isEqualTo(records);
        for (int k = 1; k < stream.length; k += 37) {
            int j = Math.min(stream.length, k + 101);
            assertThat(feed(List.of(java.util.Arrays.copyOfRange(stream, 0, k), java.util.Arrays.copyOfRange(stream, k, j),
                    java.util.Arrays.copyOfRange(stream, j, stream.length)))).isEqualTo(records);
        }
    }

    @Test
    void theMaterializedPathGivesTheSameRecords() {
        IpfixStreamDecoder s = new IpfixStreamDecoder(new IpfixDecoder(), PEER);
        List<FlowRecord> got = new ArrayList<>();
        for (int k = 0; k < stream.length; k += 50) {
            for (IpfixMessage m : s.feed(ByteBuffer.wrap(stream, k, Math.min(50, stream.length - k)))) {
                got.addAll(m.records());
            }
        }
        assertThat(got).isEqualTo(records);
    }

    @Test
    void aWrongVersionPutsTheStreamOutOfStepForGood() {
        byte[] bad = stream.clone();
        int second = ((bad[2] & 0xFF) << 8) | (bad[3] & 0xFF);
        bad[second + 1] = 9;
        IpfixStreamDecoder s = new IpfixStreamDecoder(new IpfixDecoder(), PEER);
        assertThatThrownBy(() -> s.feed(ByteBuffer.wrap(bad), (ctx, r) -> { })).isInstanceOf(UnsupportedVersionException.class)
                .extracting(x -> ((FlowCodecException) x).offset()).isEqualTo((long) second);
        assertThatThrownBy(() -> s.feed(ByteBuffer.wrap(stream), (ctx, r) -> { })).isInstanceOf(FlowCodecException.class)
                .hasMessageContaining("out of step");
    }

    @Test
    void aLengthBelowTheHeaderCannotBeFramed() {
        byte[] bad = {0, 10, 0, 3, 1, 2, 3, 4};
        IpfixStreamDecoder s = new IpfixStreamDecoder(new IpfixDecoder(), PEER);
        assertThatThrownBy(() -> s.feed(ByteBuffer.wrap(bad), (ctx, r) -> { })).isInstanceOf(MalformedPacketException.class)
                .extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(2L);
    }

    @Test
    void anErrorInsideAMessageLeavesTheStreamInStep() {
        byte[] broken = IpfixMessageBuilder.create().rawSet(5, new byte[] {1, 2, 3, 4}).toBytes();
        byte[] both = new byte[broken.length + stream.length];
        System.arraycopy(broken, 0, both, 0, broken.length);
        System.arraycopy(stream, 0, both, broken.length, stream.length);
        IpfixStreamDecoder s = new IpfixStreamDecoder(new IpfixDecoder(), PEER);
        ByteBuffer first = ByteBuffer.wrap(both, 0, broken.length + 3);
        assertThatThrownBy(() -> s.feed(first, (ctx, r) -> { })).isInstanceOf(MalformedPacketException.class);
        List<FlowRecord> got = new ArrayList<>();
        s.feed(first, (ctx, r) -> got.add(r.toRecord()));
        s.feed(ByteBuffer.wrap(both, broken.length + 3, stream.length - 3), (ctx, r) -> got.add(r.toRecord()));
        assertThat(got).isEqualTo(records);
    }
}
