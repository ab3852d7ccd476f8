package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV rows: the JSON record's values, a cell quoted (its quotes doubled) only when it holds a comma or a quote. */
class FlowMessageCsvWriterTest {

    private static String csv(boolean header, FlowMessage... messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageCsvWriter w = new FlowMessageCsvWriter(out)) {
            if (header) {
                w.writeHeader();
            }
            for (FlowMessage m : messages) {
                w.write(m);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theHeaderIsGoflow2sKeysAndARowItsValues() throws IOException {
        FlowMessage m = FlowMessage.builder().set(FlowField.TYPE, 3).set(FlowField.BYTES, 1500)
                .address(FlowField.SRC_ADDR, InetAddress.getByName("10.1.2.3")).set(FlowField.PROTO, 6)
                .list(FlowField.AS_PATH, 65001, 65002).list(FlowField.MPLS_LABEL, 16)
                .addresses(FlowField.MPLS_IP, InetAddress.getByName("10.0.0.1"))
                .layers(PacketLayer.ETHERNET, PacketLayer.IPV4).build();
        String text = csv(true, m, m);
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty(); // every row ends with \n, none with \r
        assertThat(text).doesNotContain("\r");
        assertThat(lines[0]).isEqualTo(String.join(",", JsonLayout.GOFLOW2.keys()));
        assertThat(FlowMessageCsvWriter.columns()).isEqualTo(JsonLayout.GOFLOW2.keys());
        assertThat(lines[1]).isEqualTo(lines[2]).startsWith("NETFLOW_V9,0,0,0,,0,0,1500,0,10.1.2.3,,,TCP,") // etype: none set, an empty cell
                .contains(",\"[65001,65002]\",") // a list of two: a comma, so quoted
                .contains(",[16],")              // a list of one: as it is
                .contains(",\"[\"\"10.0.0.1\"\"]\",")
                .contains(",\"[\"\"Ethernet\"\",\"\"IPv4\"\"]\",")
                .contains(",00:00:00:00:00:00,")
                .contains(",0.0.0.0/0,invalid Prefix,"); // goflow2's networks: /0 without a mask, none without an address
        // the same values as the JSON record, key by key
        String object = FlowMessageListsTest.json(m, JsonLayout.GOFLOW2).trim();
        List<String> keys = JsonLayout.GOFLOW2.keys();
        for (String k : List.of("type", "bytes", "src_addr", "proto", "etype", "src_net")) {
            String cell = CsvCells.split(lines[1]).get(keys.indexOf(k));
            assertThat(object).contains("\"" + k + "\":" + (cell.matches("[0-9]+") ? cell : "\"" + cell + "\""));
        }
    }

    @Test
    void writingRowsAllocatesNothing() throws IOException {
        FlowMessage m = FlowMessage.builder().set(FlowField.TYPE, 1).set(FlowField.BYTES, 1500)
                .address(FlowField.SRC_ADDR, InetAddress.getByName("2001:db8::1")).list(FlowField.AS_PATH, 65001, 65002)
                .layers(PacketLayer.ETHERNET, PacketLayer.IPV6, PacketLayer.TCP).build();
        FlowMessageCsvWriter w = new FlowMessageCsvWriter(java.io.OutputStream.nullOutputStream());
        for (int i = 0; i < 20_000; i++) {
            w.write(m);
        }
        long before = FlowMessageWritersTest.threadAllocatedBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(before >= 0, "this JVM does not count allocated bytes");
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            w.write(m);
        }
        long allocated = FlowMessageWritersTest.threadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for %d rows", n).isLessThan(n); // under a byte a row: nothing per row
    }

    @Test
    void withoutTheHeaderOnlyRows() throws IOException {
        assertThat(csv(false, FlowMessage.builder().build())).doesNotContain("time_received_ns").endsWith("\n")
                .startsWith("FLOWUNKNOWN,0,");
    }

    /** An RFC 4180 line split into its cells. */
    static final class CsvCells {
        static List<String> split(String line) {
            java.util.List<String> cells = new java.util.ArrayList<>();
            StringBuilder c = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    c.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    cells.add(c.toString());
                    c.setLength(0);
                } else {
                    c.append(ch);
                }
            }
            cells.add(c.toString());
            return cells;
        }
    }
}
