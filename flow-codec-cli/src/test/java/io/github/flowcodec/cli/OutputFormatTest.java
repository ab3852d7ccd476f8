package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.flowmessage.proto.FlowProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decode --format}: JSON lines by default, goflow2's length-delimited protobuf on demand, nothing else. */
class OutputFormatTest {

    @TempDir
    Path dir;

    @Test
    void protobufHasARecordForEveryJsonLine() throws IOException {
        Path pcap = dir.resolve("v9.pcap");
        assertThat(CommandRun.run("generate", "-p", "netflow9", "-n", "300", "--seed", "3", "--pcap", pcap.toString()).exit()).isZero();
        Path json = dir.resolve("out.jsonl");
        Path pb = dir.resolve("out.pb");
        assertThat(CommandRun.run("decode", pcap.toString(), "-o", json.toString()).exit()).isZero();
        assertThat(CommandRun.run("decode", "--format", "protobuf", pcap.toString(), "-o", pb.toString()).exit()).isZero();
        List<Map<String, String>> lines = JsonLines.parse(Files.readString(json));
        assertThat(lines).hasSize(300);
        try (InputStream in = Files.newInputStream(pb)) {
            for (Map<String, String> line : lines) {
                FlowProto.FlowMessage m = FlowProto.FlowMessage.parseDelimitedFrom(in);
                assertThat(m.getType().name()).isEqualTo(line.get("type"));
                assertThat(Long.toUnsignedString(m.getBytes())).isEqualTo(line.get("bytes"));
                assertThat(Long.toUnsignedString(m.getTimeFlowStartNs())).isEqualTo(line.get("time_flow_start_ns"));
            }
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void anUnknownFormatOrAllFieldsWithProtobufIsAUsageError() {
        CommandRun xml = CommandRun.run("decode", "--format", "xml", "x.pcap");
        assertThat(xml.exit()).isEqualTo(2);
        assertThat(xml.err()).contains("--format takes json, json-compact, protobuf, csv, not xml");
        CommandRun all = CommandRun.run("listen", "--format", "protobuf", "--all-fields");
        assertThat(all.exit()).isEqualTo(2);
        assertThat(all.err()).contains("--all-fields is for JSON only");
    }
}
