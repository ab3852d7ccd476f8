package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.flowmessage.AddressText;
import io.github.flowcodec.flowmessage.proto.FlowProto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code decode --format protobuf} of every capture of the corpus, read back with protobuf-java's parser
 * generated from our {@code flow.proto}, says field by field what {@code decode}'s compact JSON lines say: the same
 * records in the same order, every JSON key a field of the message with the same value (proto3 leaves fields
 * of 0 out: a key of value 0 is an unset field), and no field set that the JSON does not have.
 */
class ProtobufCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    private static List<Path> captures() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng") || p.toString().endsWith(".ipfix"))
                    .filter(p -> !p.startsWith(CORPUS.resolve("expected"))).sorted().collect(Collectors.toList());
        }
    }

    private static byte[] decode(Path capture, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowOutput o = FlowOutput.of(format, out, false)) {
            new CaptureDecoding(o, new PrintWriter(new StringWriter()), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                    .decodeFile(capture);
        }
        return out.toByteArray();
    }

    @TestFactory
    Stream<DynamicTest> protobufSaysWhatTheJsonSays() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the protobuf corpus test");
        return captures().stream().map(capture -> DynamicTest.dynamicTest(CORPUS.relativize(capture).toString(), () -> {
            List<Map<String, String>> json = JsonLines.parse(new String(decode(capture, "json-compact"), StandardCharsets.UTF_8));
            ByteArrayInputStream in = new ByteArrayInputStream(decode(capture, "protobuf"));
            List<FlowProto.FlowMessage> messages = new ArrayList<>();
            FlowProto.FlowMessage m;
            while ((m = FlowProto.FlowMessage.parseDelimitedFrom(in)) != null) {
                messages.add(m);
            }
            assertThat(messages).hasSameSizeAs(json);
            for (int i = 0; i < json.size(); i++) {
                compare(json.get(i), messages.get(i), capture + " record " + i);
            }
        }));
    }

    private static void compare(Map<String, String> json, FlowProto.FlowMessage m, String what) {
        assertThat(m.getUnknownFields().asMap()).as(what).isEmpty();
        for (String key : json.keySet()) {
            assertThat(FlowProto.FlowMessage.getDescriptor().findFieldByName(key)).as("%s: %s is a field", what, key).isNotNull();
        }
        for (FieldDescriptor f : FlowProto.FlowMessage.getDescriptor().getFields()) {
            String want = json.get(f.getName());
            if (f.isRepeated()) {
                // the lists the message carries (as_path, mpls_label, mpls_ip, layer_stack ...) as the JSON's array:
                // numbers, address texts, layer names
                StringBuilder list = new StringBuilder("[");
                for (int k = 0; k < m.getRepeatedFieldCount(f); k++) {
                    Object v = m.getRepeatedField(f, k);
                    list.append(k == 0 ? "" : ",").append(switch (f.getType()) {
                        case BYTES -> "\"" + listAddress(((ByteString) v).toByteArray()) + "\"";
                        case ENUM -> "\"" + ((com.google.protobuf.Descriptors.EnumValueDescriptor) v).getName() + "\"";
                        default -> Integer.toUnsignedString((Integer) v);
                    });
                }
                assertThat(m.getRepeatedFieldCount(f) == 0 ? null : list.append(']').toString()).as("%s: %s", what, f.getName())
                        .isEqualTo(want);
                continue;
            }
            if (want == null) {
                assertThat(m.hasField(f)).as("%s: %s is not in the JSON", what, f.getName()).isFalse();
                continue;
            }
            assertThat(protobufAsJson(f, m.getField(f), want)).as("%s: %s", what, f.getName()).isEqualTo(want);
        }
    }

    /** The protobuf value as the JSON writes it ({@code json}, the JSON's value, for the form of a prefix). */
    private static String protobufAsJson(FieldDescriptor f, Object value, String json) {
        switch (f.getName()) {
            case "src_mac":
            case "dst_mac":
                return AddressText.mac((Long) value);
            case "src_net":
            case "dst_net":
                return json.substring(0, json.indexOf('/') + 1) + Integer.toUnsignedString((Integer) value);
            default:
                break;
        }
        switch (f.getType()) {
            case ENUM:
                return ((com.google.protobuf.Descriptors.EnumValueDescriptor) value).getName();
            case BYTES:
                return address(((ByteString) value).toByteArray());
            case UINT32:
                // goflow2's uint32 fields hold the low 32 bits of what the JSON writes in full
                return Integer.toUnsignedString((Integer) value).equals(Long.toUnsignedString(Long.parseUnsignedLong(json) & 0xFFFF_FFFFL))
                        ? json : Integer.toUnsignedString((Integer) value);
            case UINT64:
                return Long.toUnsignedString((Long) value);
            default:
                return value.toString();
        }
    }

    /** An address list's entry as goflow2's JSON writes it: the address, "" for bytes of another length. */
    private static String listAddress(byte[] b) {
        return b.length == 4 || b.length == 16 ? address(b) : "";
    }

    private static String address(byte[] b) {
        try {
            return AddressText.of(b.length == 16 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("not an address: " + b.length + " bytes", e);
        }
    }
}
