package io.github.flowcodec.ipfix;

import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every RFC 7012 abstract data type written with the typed setters, sent through the encoder and the decoder,
 * read back as values: integers at reduced sizes (RFC 7011 section 6.2: unsigned truncated, signed
 * sign-extended), float64 in 4 bytes, booleans (1 true, 2 false), UTF-8 strings, MAC, IPv4/IPv6, the four
 * dateTime types (NTP format for micro and nano), octets and unsigned256.
 */
class IpfixDataTypesTest {

    @Test
    void everyDataTypeComesBackAsItsValue() throws Exception {
        Template t = Template.builder(300)
                .field(e("octetDeltaCount"), 3)            // unsigned64 in 3 bytes
                .field(e("packetDeltaCount"), 8)
                .field(e("mplsTopLabelTTL"), 1)             // unsigned8
                .field(e("sourceTransportPort"), 2)         // unsigned16
                .field(e("ingressInterface"), 2)            // unsigned32 in 2 bytes
                .field(e("mibObjectValueInteger"), 2)       // signed32 in 2 bytes
                .field(e("absoluteError"), 4)               // float64 in 4 bytes
                .field(e("samplingProbability"), 8)         // float64
                .field(e("dataRecordsReliability"))         // boolean
                .field(e("sourceMacAddress"))
                .field(e("interfaceName"))                  // string, variable
                .field(e("sourceIPv4Address"))
                .field(e("sourceIPv6Address"))
                .field(e("flowStartSeconds"))
                .field(e("flowStartMilliseconds"))
                .field(e("flowStartMicroseconds"))
                .field(e("flowStartNanoseconds"))
                .field(e("paddingOctets"), 3)               // octetArray, fixed
                .build();
        Instant when = Instant.parse("2024-05-06T07:08:09.123456789Z");
        FlowRecord r = FlowRecord.builder(t)
                .setLong(0, 0xABCDEF).setLong(1, Long.MAX_VALUE).setLong(2, 255).setLong(3, 65535).setLong(4, 4242)
                .setLong(5, -1234).setDouble(6, 1.5).setDouble(7, 1.0 / 3).setBoolean(8, false)
                .setMacAddress(9, 0x0011_2233_4455L).setString(10, "ge-0/0/0 → über").setAddress(11, InetAddress.getByName("192.0.2.7"))
                .setAddress(12, InetAddress.getByName("2001:db8::7")).setInstant(13, when).setInstant(14, when)
                .setInstant(15, when).setInstant(16, when).setBytes(17, new byte[] {1, 2, 3}).build();
        ByteBuffer m = IpfixEncoder.builder().build().encode(java.util.List.of(r)).get(0);
        FlowRecord got = new IpfixDecoder().decode(m, IpfixDecoderTest.EXPORTER).records().get(0);
        assertThat(got).isEqualTo(r);
        assertThat(got.getLong(0)).isEqualTo(0xABCDEF);
        assertThat(got.getLong(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(got.getLong(2)).isEqualTo(255);
        assertThat(got.getLong(3)).isEqualTo(65535);
        assertThat(got.getLong(4)).isEqualTo(4242);
        assertThat(got.getLong(5)).isEqualTo(-1234);
        assertThat(got.getDouble(6)).isEqualTo(1.5);
        assertThat(got.getDouble(7)).isEqualTo(1.0 / 3);
        assertThat(got.getValue(8)).isEqualTo(false);
        assertThat(got.getMacAddress(9)).isEqualTo(0x0011_2233_4455L);
        assertThat(got.getString(10)).isEqualTo("ge-0/0/0 → über");
        assertThat(got.getAddress(11)).isEqualTo(InetAddress.getByName("192.0.2.7"));
        assertThat(got.getAddress(12)).isEqualTo(InetAddress.getByName("2001:db8::7"));
        assertThat(got.getInstant(13)).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(got.getInstant(14)).isEqualTo(Instant.parse("2024-05-06T07:08:09.123Z"));
        // NTP fractions: microseconds keep 1 us (RFC 7011 6.1.9: the low 11 bits carry nothing), nanoseconds ~1 ns
        assertThat(Math.abs(got.getInstant(15).getNano() - 123_456_000)).isLessThanOrEqualTo(1000);
        assertThat(Math.abs(got.getInstant(16).getNano() - 123_456_789)).isLessThanOrEqualTo(1);
        assertThat(got.getEpochMillis(15)).isEqualTo(when.toEpochMilli());
        assertThat(got.getEpochMillis(16)).isEqualTo(when.toEpochMilli());
        // the NTP era: 2024 in seconds since 1900
        assertThat(got.readUnsigned(got.fieldOffset(16), 4)).isEqualTo(when.getEpochSecond() + 2_208_988_800L);
        assertThat(got.getValue(17)).isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void unsigned256AndOctetsAtTheirLengthsAreKeptAsBytes() {
        Template t = Template.builder(301).field(e("tcpOptionsFull"), 32).field(e("ipv6ExtensionHeadersFull"), 3)
                .field(e("srhFlagsIPv6"), 1).build();
        byte[] full = new byte[32];
        full[0] = (byte) 0x80;
        full[31] = 1;
        FlowRecord r = FlowRecord.builder(t).setBytes(0, full).setBytes(1, new byte[] {9, 8, 7}).setLong(2, 0x80).build();
        FlowRecord got = new IpfixDecoder().decode(IpfixMessageBuilder.create().templates(t).data(r).toBuffer(),
                IpfixDecoderTest.EXPORTER).records().get(0);
        assertThat(got).isEqualTo(r);
        assertThat(got.getValue(0)).isEqualTo(full);
        assertThat(got.getLong(1)).as("an unsigned256 in 3 bytes (reduced size) reads as a number").isEqualTo(0x090807);
        assertThat(got.getLong(2)).isEqualTo(0x80);
    }
}
