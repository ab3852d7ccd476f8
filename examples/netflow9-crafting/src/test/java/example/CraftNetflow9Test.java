package example;

import static io.github.flowcodec.core.Netflow9Fields.INPUT_SNMP;
import static io.github.flowcodec.core.Netflow9Fields.IN_BYTES;
import static io.github.flowcodec.core.Netflow9Fields.IN_PKTS;
import static io.github.flowcodec.core.Netflow9Fields.OUTPUT_SNMP;
import static io.github.flowcodec.core.Netflow9Fields.OUT_BYTES;
import static io.github.flowcodec.core.Netflow9Fields.OUT_PKTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import io.github.flowcodec.netflow9.Netflow9Packet;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NetFlow v9 packet of scapy's example, crafted with the v9 names, from a project that imports the BOM. */
class CraftNetflow9Test {

    @Test
    void craftsTheScapyPacketWithV9NamesAndDecodesItBack() {
        // --- the README example: the packet in 7 statements ---
        Template t = Template.builder(256).field(IN_BYTES, 4).field(IN_PKTS, 4).field(OUT_BYTES, 4)
                .field(OUT_PKTS, 4).field(INPUT_SNMP, 2).field(OUTPUT_SNMP, 2).build();
        FlowRecord r = FlowRecord.builder(t).setLong(IN_BYTES, 1500).setLong(IN_PKTS, 3).setLong(OUT_BYTES, 400)
                .setLong(OUT_PKTS, 2).setLong(INPUT_SNMP, 1).setLong(OUTPUT_SNMP, 2).build();
        byte[] packet = Netflow9PacketBuilder.create().sourceId(0).templates(t).data(r).toBytes();
        // --- end of the README example ---

        assertEquals(20 + (4 + 4 + 6 * 4) + (4 + 20), packet.length, "header, template FlowSet, data FlowSet");
        Netflow9Packet p = new Netflow9Decoder().decode(ByteBuffer.wrap(packet), new InetSocketAddress("192.0.2.1", 2055));
        assertEquals(List.of(t), p.templates());
        assertEquals(List.of(r), p.records());
        FlowRecord back = p.records().get(0);
        assertEquals(1500, back.getLong(IN_BYTES, -1));
        assertEquals(2, back.getLong(OUTPUT_SNMP, -1));
        assertEquals(IN_BYTES, InformationElementRegistry.iana().require("IN_BYTES"), "v9 names resolve by name too");
    }
}
