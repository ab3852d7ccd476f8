package io.github.flowcodec.cli.internal.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Length-delimited protobuf messages split into their fields, to compare what was published with what was
 * expected whatever the order of fields: each message becomes a map of "field number/occurrence" to the field's
 * raw bytes. A field can be left out (the time a node received the datagram differs from node to node).
 */
public final class ProtobufMessages {

    private ProtobufMessages() {
    }

    /**
     * The messages of a stream of varint-length-prefixed messages, without the fields numbered {@code leaveOut}.
     *
     * @throws IllegalArgumentException if the bytes are not such a stream
     */
    public static List<Map<String, String>> read(byte[] stream, int... leaveOut) {
        List<Map<String, String>> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < stream.length) {
            int length = (int) varint(stream, pos);
            int end = pos[0] + length;
            if (length < 0 || end > stream.length) {
                throw new IllegalArgumentException("a message runs past the end at " + pos[0]);
            }
            out.add(fields(stream, pos, end, leaveOut));
            pos[0] = end;
        }
        return out;
    }

    private static Map<String, String> fields(byte[] b, int[] pos, int end, int[] leaveOut) {
        Map<String, String> fields = new TreeMap<>();
        while (pos[0] < end) {
            long tag = varint(b, pos);
            int field = (int) (tag >>> 3);
            int start = pos[0];
            switch ((int) (tag & 7)) {
                case 0 -> varint(b, pos);
                case 1 -> pos[0] += 8;
                case 2 -> {
                    int n = (int) varint(b, pos);
                    pos[0] += n;
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("wire type " + (tag & 7) + " at " + start);
            }
            if (pos[0] > end) {
                throw new IllegalArgumentException("field " + field + " runs past its message");
            }
            if (java.util.Arrays.stream(leaveOut).noneMatch(f -> f == field)) {
                String key = field + "/" + fields.keySet().stream().filter(k -> k.startsWith(field + "/")).count();
                fields.put(key, java.util.HexFormat.of().formatHex(b, start, pos[0]));
            }
        }
        return fields;
    }

    private static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) {
                throw new IllegalArgumentException("a varint runs past the end");
            }
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("a varint longer than 10 bytes");
    }
}
