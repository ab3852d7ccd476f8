package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** Typed values written with the record builder read back the same, through records and views. */
class FlowRecordProperties {

    /** A field and the value to put in it. */
    record FieldValue(FieldSpec spec, Object value) {
    }

    private static final List<DataType> SCALARS = List.of(DataType.UNSIGNED8, DataType.UNSIGNED16, DataType.UNSIGNED32,
            DataType.UNSIGNED64, DataType.SIGNED8, DataType.SIGNED16, DataType.SIGNED32, DataType.SIGNED64,
            DataType.FLOAT32, DataType.FLOAT64, DataType.BOOLEAN, DataType.MAC_ADDRESS, DataType.STRING,
            DataType.OCTET_ARRAY, DataType.DATE_TIME_SECONDS, DataType.DATE_TIME_MILLISECONDS,
            DataType.DATE_TIME_MICROSECONDS, DataType.DATE_TIME_NANOSECONDS, DataType.IPV4_ADDRESS, DataType.IPV6_ADDRESS);

    @Provide
    Arbitrary<List<FieldValue>> fields() {
        return Arbitraries.of(SCALARS).flatMap(this::fieldOf).list().ofMinSize(1).ofMaxSize(12);
    }

    private Arbitrary<FieldValue> fieldOf(DataType type) {
        InformationElement e = InformationElement.of(0, 30000 + type.code(), "test" + type.ianaName(), type);
        switch (type) {
            case UNSIGNED8: case UNSIGNED16: case UNSIGNED32: case UNSIGNED64:
                return Arbitraries.integers().between(1, type.defaultLength()).flatMap(len -> (len == 8
                        ? Arbitraries.longs() : Arbitraries.longs().between(0, (1L << (8 * len)) - 1))
                        .map(v -> new FieldValue(FieldSpec.of(e, len), v)));
            case SIGNED8: case SIGNED16: case SIGNED32: case SIGNED64:
                return Arbitraries.integers().between(1, type.defaultLength()).flatMap(len -> (len == 8
                        ? Arbitraries.longs() : Arbitraries.longs().between(-(1L << (8 * len - 1)), (1L << (8 * len - 1)) - 1))
                        .map(v -> new FieldValue(FieldSpec.of(e, len), v)));
            case FLOAT32:
                return Arbitraries.floats().map(v -> new FieldValue(FieldSpec.of(e, 4), (double) v));
            case FLOAT64:
                return Arbitraries.oneOf(Arbitraries.doubles().map(v -> new FieldValue(FieldSpec.of(e, 8), v)),
                        Arbitraries.floats().map(v -> new FieldValue(FieldSpec.of(e, 4), (double) v)));
            case BOOLEAN:
                return Arbitraries.of(true, false).map(v -> new FieldValue(FieldSpec.of(e), v));
            case MAC_ADDRESS:
                return Arbitraries.longs().between(0, (1L << 48) - 1).map(v -> new FieldValue(FieldSpec.of(e), v));
            case STRING:
                Arbitrary<String> text = Arbitraries.strings().ofMaxLength(300).filter(s -> !s.endsWith("\0"));
                return Combinators.combine(text, Arbitraries.of(true, false)).as((s, variable) -> {
                    int utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    return new FieldValue(FieldSpec.of(e, variable ? FieldSpec.VARIABLE_LENGTH : utf8 + 3), s);
                });
            case OCTET_ARRAY:
                return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(600), Arbitraries.of(true, false))
                        .as((b, variable) -> new FieldValue(FieldSpec.of(e, variable ? FieldSpec.VARIABLE_LENGTH : b.length), b));
            case DATE_TIME_SECONDS:
                return Arbitraries.longs().between(0, 0xFFFF_FFFFL)
                        .map(s -> new FieldValue(FieldSpec.of(e), Instant.ofEpochSecond(s)));
            case DATE_TIME_MILLISECONDS:
                return Arbitraries.longs().between(0, 4_000_000_000_000L)
                        .map(ms -> new FieldValue(FieldSpec.of(e), Instant.ofEpochMilli(ms)));
            case DATE_TIME_MICROSECONDS: case DATE_TIME_NANOSECONDS:
                return Combinators.combine(Arbitraries.longs().between(0, 2_000_000_000L), Arbitraries.integers().between(0, 999_999_999))
                        .as((s, n) -> new FieldValue(FieldSpec.of(e), Instant.ofEpochSecond(s, n)));
            case IPV4_ADDRESS:
                return Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> new FieldValue(FieldSpec.of(e), address(b)));
            default:
                return Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> new FieldValue(FieldSpec.of(e), address(b)));
        }
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException ex) {
            throw new AssertionError(ex);
        }
    }

    @Property(tries = 500)
    void typedValuesReadBackThroughRecordsAndViews(@ForAll("fields") List<FieldValue> fields) {
        List<FieldSpec> specs = new ArrayList<>();
        fields.forEach(f -> specs.add(f.spec()));
        Template t = Template.of(256, specs);
        FlowRecord.Builder b = FlowRecord.builder(t);
        for (int i = 0; i < fields.size(); i++) {
            set(b, i, fields.get(i));
        }
        FlowRecord r = b.build();
        check(r, fields);

        // the same bytes at an offset in a bigger buffer, through the zero-copy view
        byte[] bytes = r.toBytes();
        ByteBuffer buf = ByteBuffer.allocate(bytes.length + 13);
        buf.position(7);
        buf.put(bytes);
        ByteBuffer direct = ByteBuffer.allocateDirect(buf.capacity()).put(buf.duplicate().clear());
        // heap buffers are read through their array, direct and read-only ones through the buffer
        for (ByteBuffer source : List.of(buf, direct, buf.asReadOnlyBuffer())) {
            RecordView view = new RecordView();
            assertThat(view.wrap(t, source, 7, source.capacity())).isEqualTo(bytes.length);
            check(view, fields);
            assertThat(view.toRecord()).isEqualTo(r).hasSameHashCodeAs(r);
            if (t.isFixedLength()) {
                check(view.wrap(t, source, 0).moveTo(7), fields);
            }
        }
        RecordView view = new RecordView();
        assertThat(FlowRecord.of(t, bytes)).isEqualTo(r);
        // a record cut short does not fit
        if (bytes.length > 0) {
            assertThat(new RecordView().wrap(t, ByteBuffer.wrap(bytes), 0, bytes.length - 1)).isEqualTo(-1);
            assertThatThrownBy(() -> FlowRecord.of(t, java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void set(FlowRecord.Builder b, int i, FieldValue f) {
        switch (f.spec().element().dataType()) {
            case FLOAT32: case FLOAT64: b.setDouble(i, (Double) f.value()); break;
            case BOOLEAN: b.setBoolean(i, (Boolean) f.value()); break;
            case MAC_ADDRESS: b.setMacAddress(i, (Long) f.value()); break;
            case STRING: b.setString(i, (String) f.value()); break;
            case OCTET_ARRAY: b.setBytes(i, (byte[]) f.value()); break;
            case IPV4_ADDRESS: case IPV6_ADDRESS: b.setAddress(i, (InetAddress) f.value()); break;
            case DATE_TIME_SECONDS: case DATE_TIME_MILLISECONDS: case DATE_TIME_MICROSECONDS: case DATE_TIME_NANOSECONDS:
                b.setInstant(i, (Instant) f.value()); break;
            default: b.setLong(i, (Long) f.value());
        }
    }

    private static void check(FlowFields r, List<FieldValue> fields) {
        for (int i = 0; i < fields.size(); i++) {
            FieldValue f = fields.get(i);
            Object v = f.value();
            switch (f.spec().element().dataType()) {
                case FLOAT32: case FLOAT64:
                    if (r.fieldLength(i) == 4) {
                        assertThat(r.getDouble(i)).isEqualTo((double) (float) (double) (Double) v);
                    } else {
                        assertThat(r.getDouble(i)).isEqualTo((Double) v);
                    }
                    break;
                case BOOLEAN: assertThat(r.getBoolean(i)).isEqualTo(v); break;
                case MAC_ADDRESS: assertThat(r.getMacAddress(i)).isEqualTo(v); break;
                case STRING: assertThat(r.getString(i)).isEqualTo(v); break;
                case OCTET_ARRAY: assertThat(r.getBytes(i)).isEqualTo((byte[]) v); break;
                case IPV4_ADDRESS: case IPV6_ADDRESS:
                    assertThat(r.getAddress(i)).isEqualTo(v);
                    assertThat(r.getValue(i)).isEqualTo(v);
                    break;
                case DATE_TIME_SECONDS: case DATE_TIME_MILLISECONDS:
                    assertThat(r.getInstant(i)).isEqualTo(v);
                    assertThat(r.getEpochMillis(i)).isEqualTo(((Instant) v).toEpochMilli());
                    break;
                case DATE_TIME_MICROSECONDS: case DATE_TIME_NANOSECONDS: {
                    Instant want = (Instant) v;
                    Instant got = r.getInstant(i);
                    long tolerance = f.spec().element().dataType() == DataType.DATE_TIME_MICROSECONDS ? 1_000 : 1;
                    assertThat(Math.abs(java.time.Duration.between(want, got).toNanos())).isLessThanOrEqualTo(tolerance);
                    assertThat(Math.abs(r.getEpochMillis(i) - want.toEpochMilli())).isLessThanOrEqualTo(1);
                    break;
                }
                default:
                    assertThat(r.getLong(i)).isEqualTo(v);
                    assertThat(r.getValue(i)).isEqualTo(v);
            }
        }
    }

    @Example
    void variableLengthValuesUseTheOneAndThreeByteForms() {
        InformationElement name = InformationElementRegistry.iana().require("interfaceName");
        Template t = Template.of(256, FieldSpec.of(name), FieldSpec.of(name));
        FlowRecord r = FlowRecord.builder(t).setString(0, "x".repeat(254)).setString(1, "y".repeat(255)).build();
        byte[] b = r.toBytes();
        assertThat(b).hasSize(1 + 254 + 3 + 255);
        assertThat(b[0] & 0xFF).isEqualTo(254);
        assertThat(b[255] & 0xFF).isEqualTo(255);
        assertThat(((b[256] & 0xFF) << 8) | (b[257] & 0xFF)).isEqualTo(255);
        assertThat(r.getAll(name)).containsExactly("x".repeat(254), "y".repeat(255));
        assertThat(r.getString(1)).hasSize(255);
    }

    /** The fields in a record's first 8 bytes read from its first 8 bytes, shifted: each one its own value. */
    @Example
    void fieldsWithinTheFirstEightBytesReadTheirOwnBytes() {
        InformationElementRegistry iana = InformationElementRegistry.iana();
        Template t = Template.of(256, FieldSpec.of(iana.require("protocolIdentifier")), FieldSpec.of(iana.require("sourceTransportPort")),
                FieldSpec.of(iana.require("sourceIPv4Address")), FieldSpec.of(iana.require("ipClassOfService")),
                FieldSpec.of(iana.require("octetDeltaCount"), 3), FieldSpec.of(iana.require("packetDeltaCount"), 8));
        byte[] bytes = {6, 0x01, (byte) 0xBB, 10, 0, 0, 1, (byte) 0xB8, 0x12, 0x34, 0x56, 0, 0, 0, 0, 0, 0, 0, 42};
        FlowRecord r = FlowRecord.of(t, bytes);
        assertThat(r.getLong(0)).isEqualTo(6);
        assertThat(r.getLong(1)).isEqualTo(443);
        assertThat(r.getLong(2)).isEqualTo(0x0A00_0001L);
        assertThat(r.getLong(3)).isEqualTo(0xB8);
        assertThat(r.getLong(4)).isEqualTo(0x12_3456);
        assertThat(r.getLong(5)).isEqualTo(42);
        // a record shorter than 8 bytes reads its fields the general way
        Template shortOne = Template.of(257, FieldSpec.of(iana.require("protocolIdentifier")), FieldSpec.of(iana.require("sourceTransportPort")));
        FlowRecord s = FlowRecord.of(shortOne, new byte[] {17, 0, 53});
        assertThat(s.getLong(0)).isEqualTo(17);
        assertThat(s.getLong(1)).isEqualTo(53);
    }

    @Example
    void reducedSizeAndSignExtension() {
        InformationElement bytes = InformationElementRegistry.iana().require("octetDeltaCount");
        InformationElement signed = InformationElement.of(0, 31000, "s", DataType.SIGNED32);
        Template t = Template.of(256, FieldSpec.of(bytes, 4), FieldSpec.of(signed, 2));
        FlowRecord r = FlowRecord.of(t, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, (byte) 0xFF, (byte) 0x85});
        assertThat(r.getLong(0)).isEqualTo(0xFFFF_FFFEL);
        assertThat(r.getLong(1)).isEqualTo(-123);
        assertThat(r.getLong(bytes, 0)).isEqualTo(0xFFFF_FFFEL);
        assertThat(r.get(bytes)).contains(0xFFFF_FFFEL);
        assertThatThrownBy(() -> FlowRecord.builder(t).setLong(0, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowRecord.builder(t).setLong(1, 40000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.getAddress(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 1 (s) is 2 bytes");
    }

    @Example
    void stringsLoseTheirNulPaddingAndBadUtf8IsReplaced() {
        InformationElement name = InformationElementRegistry.iana().require("interfaceName");
        Template t = Template.of(256, FieldSpec.of(name, 8));
        assertThat(FlowRecord.of(t, new byte[] {'e', 't', 'h', '0', 0, 0, 0, 0}).getString(0)).isEqualTo("eth0");
        assertThat(FlowRecord.of(t, new byte[] {'a', (byte) 0xFF, 'b', 0, 0, 0, 0, 0}).getString(0)).isEqualTo("a\uFFFDb");
    }

    @Example
    void ntpTimestampsConvertToUnixTime() {
        InformationElement nanos = InformationElementRegistry.iana().require("flowStartNanoseconds");
        Template t = Template.of(256, FieldSpec.of(nanos));
        long ntpSeconds = 1_700_000_000L + FlowFields.NTP_EPOCH_OFFSET_SECONDS;
        long ntp = (ntpSeconds << 32) | 0x8000_0000L; // .5 s
        FlowRecord r = FlowRecord.builder(t).setLong(0, ntp).build();
        assertThat(r.getInstant(0)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
        assertThat(r.getEpochMillis(0)).isEqualTo(1_700_000_000_500L);
    }
}
