package io.github.flowcodec.fuzz;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.BasicList;
import io.github.flowcodec.ipfix.IpfixMessageBuilder;
import io.github.flowcodec.ipfix.SubTemplateList;
import io.github.flowcodec.ipfix.SubTemplateMultiList;
import io.github.flowcodec.netflow5.Netflow5PacketBuilder;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.SampledFrameBuilder;
import io.github.flowcodec.sflow.SflowDatagramBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One-off: writes the builder-made seed inputs (valid and deliberately broken packets of each protocol) into
 * the fuzz targets' inputs directories. Not a test; run from the module directory with the test class path:
 *
 * <pre>
 * java -cp target/test-classes:$(cat cp.txt) io.github.flowcodec.fuzz.SeedWriter src/test/resources/io/github/flowcodec/fuzz
 * </pre>
 */
public final class SeedWriter {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();

    private static InformationElement ie(String name) {
        return IANA.require(name);
    }

    private final Path root;

    private SeedWriter(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        SeedWriter w = new SeedWriter(Path.of(args[0]));
        List<byte[]> all = new ArrayList<>();
        all.addAll(w.netflow5());
        all.addAll(w.netflow9());
        all.addAll(w.ipfix());
        all.addAll(w.sflow());
        w.write("AutoDetectFuzzTestInputs/decode", "builder-mixed", FuzzSupport.frame(all.subList(0, Math.min(all.size(), 24))));
    }

    private void write(String dir, String name, byte[] bytes) {
        try {
            Path d = root.resolve(dir);
            Files.createDirectories(d);
            Files.write(d.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<byte[]> netflow5() {
        String dir = "Netflow5FuzzTestInputs/decode";
        byte[] one = Netflow5PacketBuilder.create()
                .record(r -> r.srcAddr("10.0.0.1").dstAddr("10.0.0.2").packets(3).octets(180))
                .sampling(1, 100).toBytes();
        Netflow5PacketBuilder thirty = Netflow5PacketBuilder.create().engine(1, 2).sequence(4711);
        for (int i = 0; i < 30; i++) {
            int k = i;
            thirty.record(r -> r.srcAddr("10.1.0." + k).dstAddr("192.168.0." + k).packets(k + 1).octets(64L * (k + 1)));
        }
        byte[] full = thirty.toBytes();
        byte[] lying = Netflow5PacketBuilder.create()
                .record(r -> r.srcAddr("10.0.0.1").dstAddr("10.0.0.2").packets(3).octets(180))
                .declaredCount(31).truncateTo(40).toBytes();
        byte[] trailing = Netflow5PacketBuilder.create()
                .record(r -> r.srcAddr("10.0.0.3").dstAddr("10.0.0.4"))
                .trailing(new byte[] {0, 0, 0, 0, 1, 2, 3}).toBytes();
        byte[] zeroCount = Netflow5PacketBuilder.create().declaredCount(0).toBytes();
        byte[] version4 = Netflow5PacketBuilder.create().version(4).record(r -> r.srcAddr("10.0.0.5")).toBytes();
        write(dir, "builder-one-sampled", one);
        write(dir, "builder-thirty", full);
        write(dir, "builder-count-lies-truncated", lying);
        write(dir, "builder-trailing-bytes", trailing);
        write(dir, "builder-zero-count", zeroCount);
        write(dir, "builder-version4", version4);
        return List.of(one, full, lying);
    }

    private List<byte[]> netflow9() {
        String dir = "Netflow9FuzzTestInputs/decode";
        Template t = Template.builder(256)
                .field(ie("sourceIPv4Address")).field(ie("destinationIPv4Address"))
                .field(ie("octetDeltaCount"), 4).field(ie("packetDeltaCount"), 4)
                .field(ie("flowStartSysUpTime")).field(ie("flowEndSysUpTime"))
                .field(ie("sourceTransportPort")).field(ie("destinationTransportPort"))
                .field(ie("protocolIdentifier")).field(ie("samplingInterval"), 4)
                .build();
        Template v6 = Template.builder(257)
                .field(ie("sourceIPv6Address")).field(ie("destinationIPv6Address"))
                .field(ie("sourceMacAddress")).field(ie("interfaceName"), 8)
                .field(ie("flowStartMilliseconds")).field(ie("octetDeltaCount"))
                .build();
        Template opts = Template.builder(258)
                .scope(ie("samplerId"), 2)
                .field(ie("samplerRandomInterval"), 4).field(ie("samplerMode"), 1)
                .build();
        FlowRecord r1 = FlowRecord.builder(t)
                .setAddress(ie("sourceIPv4Address"), addr("10.0.0.1")).setAddress(ie("destinationIPv4Address"), addr("10.0.0.2"))
                .setLong(ie("octetDeltaCount"), 1500).setLong(ie("packetDeltaCount"), 3)
                .setLong(ie("flowStartSysUpTime"), 1000).setLong(ie("flowEndSysUpTime"), 2000)
                .setLong(ie("sourceTransportPort"), 443).setLong(ie("destinationTransportPort"), 51000)
                .setLong(ie("protocolIdentifier"), 6).setLong(ie("samplingInterval"), 100).build();
        FlowRecord r6 = FlowRecord.builder(v6)
                .setAddress(ie("sourceIPv6Address"), addr("2001:db8::1")).setAddress(ie("destinationIPv6Address"), addr("2001:db8::2"))
                .setMacAddress(ie("sourceMacAddress"), 0x0011_2233_4455L).setString(ie("interfaceName"), "ge-0/0/1")
                .setInstant(ie("flowStartMilliseconds"), Instant.ofEpochMilli(1_700_000_000_000L))
                .setLong(ie("octetDeltaCount"), 99).build();
        FlowRecord o1 = FlowRecord.builder(opts).setLong(ie("samplerId"), 1)
                .setLong(ie("samplerRandomInterval"), 512).setLong(ie("samplerMode"), 2).build();
        List<byte[]> valid = List.of(
                Netflow9PacketBuilder.create().sequence(1).templates(t, v6).templates(opts).toBytes(),
                Netflow9PacketBuilder.create().sequence(2).data(o1).data(r1, r1).data(r6).toBytes());
        byte[] dataFirst = Netflow9PacketBuilder.create().sequence(1).data(r1).templates(t).toBytes();
        byte[] padded = Netflow9PacketBuilder.create().sequence(3).dataPadded(3, r1).trailing(new byte[6]).declaredCount(7).toBytes();
        byte[] varField = Netflow9PacketBuilder.create().rawTemplate(300, 8, 4, 82, 0xFFFF).toBytes();
        byte[] varData = Netflow9PacketBuilder.create().rawSet(300, bytes(10, 0, 0, 1, 3, 'e', 't', 'h',
                10, 0, 0, 2, 255, 0, 2, 'l', 'o', 0)).toBytes();
        byte[] zeroLength = Netflow9PacketBuilder.create().rawTemplate(301, 8, 4, 1, 0, 2, 4).toBytes();
        byte[] setLies = Netflow9PacketBuilder.create().templates(t).declaredSetLength(2000).toBytes();
        byte[] truncated = Netflow9PacketBuilder.create().templates(t).data(r1, r1).truncateTo(60).toBytes();
        byte[] restart = Netflow9PacketBuilder.create().sysUptime(10).sequence(1).data(r1).toBytes();
        write(dir, "builder-templates-then-data", FuzzSupport.frame(valid));
        write(dir, "builder-data-before-template", FuzzSupport.frame(List.of(dataFirst, valid.get(1))));
        write(dir, "builder-padding-count-lies", FuzzSupport.frame(List.of(valid.get(0), padded)));
        write(dir, "builder-variable-length-field", FuzzSupport.frame(List.of(varField, varData)));
        write(dir, "builder-zero-length-field", FuzzSupport.frame(List.of(zeroLength, varData)));
        write(dir, "builder-set-length-lies", FuzzSupport.frame(List.of(setLies, valid.get(1))));
        write(dir, "builder-truncated", FuzzSupport.frame(List.of(truncated, valid.get(1), restart)));
        List<byte[]> out = new ArrayList<>(valid);
        out.add(dataFirst);
        out.add(varField);
        out.add(varData);
        return out;
    }

    private List<byte[]> ipfix() {
        String dir = "IpfixFuzzTestInputs/decode";
        Template t = Template.builder(256)
                .field(ie("sourceIPv4Address")).field(ie("destinationIPv4Address"))
                .field(ie("octetDeltaCount")).field(ie("packetDeltaCount"), 4)
                .field(ie("flowStartMilliseconds")).field(ie("flowEndMicroseconds"))
                .field(ie("applicationName"), FieldSpec.VARIABLE_LENGTH)
                .field(ie("sourceTransportPort")).field(ie("protocolIdentifier"))
                .build();
        Template label = Template.builder(257).field(ie("mplsLabelStackSection"), 3).field(ie("ingressInterface"), 4).build();
        InformationElement basicList = ie("basicList");
        InformationElement stl = ie("subTemplateList");
        InformationElement stml = ie("subTemplateMultiList");
        Template lists = Template.builder(258)
                .field(ie("sourceIPv6Address"))
                .field(basicList, FieldSpec.VARIABLE_LENGTH)
                .field(stl, FieldSpec.VARIABLE_LENGTH)
                .field(stml, FieldSpec.VARIABLE_LENGTH)
                .build();
        Template opts = Template.builder(259)
                .scope(ie("selectorId"), 8)
                .field(ie("samplingPacketInterval"), 4).field(ie("samplingPacketSpace"), 4)
                .build();
        FlowRecord r1 = FlowRecord.builder(t)
                .setAddress(ie("sourceIPv4Address"), addr("10.0.0.1")).setAddress(ie("destinationIPv4Address"), addr("10.0.0.2"))
                .setLong(ie("octetDeltaCount"), 1500).setLong(ie("packetDeltaCount"), 3)
                .setInstant(ie("flowStartMilliseconds"), Instant.ofEpochMilli(1_700_000_000_000L))
                .setInstant(ie("flowEndMicroseconds"), Instant.ofEpochMilli(1_700_000_001_000L))
                .setString(ie("applicationName"), "https")
                .setLong(ie("sourceTransportPort"), 443).setLong(ie("protocolIdentifier"), 6).build();
        FlowRecord l1 = FlowRecord.builder(label).setBytes(ie("mplsLabelStackSection"), new byte[] {0, 0x10, 1})
                .setLong(ie("ingressInterface"), 7).build();
        FieldSpec portSpec = FieldSpec.of(ie("destinationTransportPort"), 2);
        Template portT = BasicList.elementTemplate(portSpec);
        byte[] bl = new BasicList(3, portSpec, List.of(
                FlowRecord.builder(portT).setLong(0, 80).build(), FlowRecord.builder(portT).setLong(0, 443).build())).toBytes();
        byte[] sl = new SubTemplateList(1, label, List.of(l1, l1)).toBytes();
        byte[] sml = new SubTemplateMultiList(4, List.of(new SubTemplateList(4, label, List.of(l1)))).toBytes();
        FlowRecord lr = FlowRecord.builder(lists).setAddress(0, addr("2001:db8::1"))
                .setBytes(1, bl).setBytes(2, sl).setBytes(3, sml).build();
        FlowRecord o1 = FlowRecord.builder(opts).setLong(0, 1).setLong(1, 1).setLong(2, 99).build();
        byte[] tpl = IpfixMessageBuilder.create().sequence(0).observationDomainId(1).templates(t, label, lists).templates(opts).toBytes();
        byte[] data = IpfixMessageBuilder.create().sequence(0).observationDomainId(1).data(o1).data(r1, r1).data(lr).toBytes();
        byte[] dataFirst = IpfixMessageBuilder.create().observationDomainId(1).data(r1).templates(t).toBytes();
        byte[] withdraw = IpfixMessageBuilder.create().observationDomainId(1).withdraw(256).withdrawAll(true).toBytes();
        byte[] lengthLies = IpfixMessageBuilder.create().observationDomainId(1).templates(t).declaredLength(400).toBytes();
        byte[] setLies = IpfixMessageBuilder.create().observationDomainId(1).data(r1).declaredSetLength(3).toBytes();
        byte[] truncated = IpfixMessageBuilder.create().observationDomainId(1).data(r1, r1).truncateTo(50).toBytes();
        byte[] padded = IpfixMessageBuilder.create().observationDomainId(1).dataPadded(5, r1).trailing(new byte[3]).toBytes();
        byte[] version9 = IpfixMessageBuilder.create().version(9).templates(t).toBytes();
        byte[] varTpl = IpfixMessageBuilder.create().observationDomainId(2).rawTemplate(300, 82, 0xFFFF, 0x8000 | 1, 4).toBytes();
        write(dir, "builder-templates-then-data", FuzzSupport.frame(List.of(tpl, data)));
        write(dir, "builder-data-before-template", FuzzSupport.frame(List.of(dataFirst, data, tpl, data)));
        write(dir, "builder-withdrawal", FuzzSupport.frame(List.of(tpl, withdraw, data, tpl, data)));
        write(dir, "builder-lengths-lie", FuzzSupport.frame(List.of(lengthLies, tpl, setLies, truncated, padded)));
        write(dir, "builder-version9-enterprise-bit", FuzzSupport.frame(List.of(version9, varTpl)));
        String sdir = "IpfixFuzzTestInputs/stream";
        write(sdir, "builder-templates-then-data", concat((byte) 7, tpl, data, data));
        write(sdir, "builder-withdrawal", concat((byte) 1, tpl, withdraw, data, tpl, data));
        write(sdir, "builder-length-lies", concat((byte) 200, tpl, lengthLies, data));
        write(sdir, "builder-truncated", concat((byte) 3, tpl, data, truncated));
        return List.of(tpl, data, dataFirst);
    }

    private List<byte[]> sflow() {
        String dir = "SflowFuzzTestInputs/decode";
        byte[] tcp4 = SampledFrameBuilder.ethernet(0x0011_2233_4455L, 0x0066_7788_99AAL).vlan(10)
                .ipv4((Inet4Address) addr("10.0.0.1"), (Inet4Address) addr("10.0.0.2")).tos(0x10).ttl(63)
                .tcp(443, 51000, 0x18).payload(40).build();
        byte[] udp6 = SampledFrameBuilder.ethernet(0x0011_2233_4455L, 0x0066_7788_99AAL).vlan(0x88A8, 100, 3).vlan(20)
                .ipv6((Inet6Address) addr("2001:db8::1"), (Inet6Address) addr("2001:db8::2")).ipv6Extension(0).flowLabel(0x12345)
                .udp(53, 5353).payload(20).build();
        byte[] mpls = SampledFrameBuilder.ethernet(1, 2).mpls(16).mpls(17)
                .ipv4((Inet4Address) addr("10.0.0.3"), (Inet4Address) addr("10.0.0.4")).fragment(7, 0, true).icmp(8, 0).build();
        byte[] raw = SampledFrameBuilder.rawIp().ipv4((Inet4Address) addr("10.9.9.9"), (Inet4Address) addr("10.8.8.8"))
                .protocol(47).payload(8).build();
        FlowSample fs = new FlowSample(false, 1, 0, 3, 512, 5120, 0, 0, 3, 0, 4, List.of(
                SampledFrameBuilder.rawHeader(tcp4, 128),
                new FlowData.ExtendedSwitch(10, 0, 20, 0),
                new FlowData.ExtendedRouter(addr("10.0.0.254"), 24, 16)));
        FlowSample fs6 = new FlowSample(true, 2, 0, 5, 1024, 10240, 1, 0, 5, 0, 6, List.of(
                SampledFrameBuilder.rawHeader(udp6, 128)));
        FlowSample fsm = new FlowSample(false, 3, 0, 3, 256, 768, 0, 0, 3, 0, 9, List.of(
                SampledFrameBuilder.rawHeader(mpls, 128), SampledFrameBuilder.rawHeader(raw, 64)));
        CounterSample cs = new CounterSample(false, 1, 0, 3, List.of(
                new CounterData.GenericInterface(3, 6, 1_000_000_000L, 1, 3, 123456, 100, 10, 1, 0, 0, 0, 654321, 200, 20, 2, 0, 0, 0)));
        byte[] d1 = SflowDatagramBuilder.create().agent(addr("192.0.2.10")).sequence(1).uptime(1000).sample(fs).sample(cs).toBytes();
        byte[] d2 = SflowDatagramBuilder.create().agent(addr("2001:db8::10")).sequence(2).uptime(2000).sample(fs6).sample(fsm).toBytes();
        byte[] d3 = SflowDatagramBuilder.create().agent(addr("192.0.2.10")).sequence(5).uptime(900).sample(fs).toBytes();
        byte[] countLies = SflowDatagramBuilder.create().agent(addr("192.0.2.11")).sample(fs).declaredCount(3).toBytes();
        byte[] rawLies = SflowDatagramBuilder.create().agent(addr("192.0.2.11"))
                .rawSample(1, 4000, SflowDatagramBuilder.flowSampleData(fs, 9, SflowDatagramBuilder.record(1, 300, new byte[16])))
                .toBytes();
        byte[] truncated = SflowDatagramBuilder.create().agent(addr("192.0.2.12")).sample(fs).sample(cs).truncateTo(90).toBytes();
        byte[] version4 = SflowDatagramBuilder.create().version(4).agent(addr("192.0.2.13")).sample(cs).toBytes();
        write(dir, "builder-flow-and-counter", FuzzSupport.frame(List.of(d1, d2, d3)));
        write(dir, "builder-lies", FuzzSupport.frame(List.of(countLies, rawLies, truncated, version4)));
        // sampled headers: a datagram whose first byte is the header protocol (1 Ethernet, 11 IPv4)
        write(dir, "builder-sampled-headers", FuzzSupport.frame(List.of(
                prefix((byte) 1, tcp4), prefix((byte) 1, udp6), prefix((byte) 1, mpls), prefix((byte) 11, raw))));
        return List.of(d1, d2, countLies);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] prefix(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static byte[] concat(byte first, byte[]... parts) {
        int n = 1;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n).put(first);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
