package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CounterFieldTest {

    static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 6343);

    /** Every named field read on the zero-copy path equals the record component of that name, for any values. */
    @Property(tries = 200)
    void namedFieldsReadWhatTheTypedCodecWrote(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long a,
            @ForAll long wide, @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long b) throws Exception {
        CounterData.GenericInterface g = fill(CounterRecordBuilder.of(CounterData.GenericInterface.class), CounterData.GenericInterface.FIELDS, a, wide, b).build();
        CounterData.Ethernet e = fill(CounterRecordBuilder.of(CounterData.Ethernet.class), CounterData.Ethernet.FIELDS, a, wide, b).build();
        CounterData.Vlan v = fill(CounterRecordBuilder.of(CounterData.Vlan.class), CounterData.Vlan.FIELDS, a, wide, b).build();
        byte[] datagram = SflowDatagramBuilder.create()
                .sample(CounterSample.compact(1, 0, 3, List.of(g, e, v))).toBytes();
        List<Long> read = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (CounterData.Standard r : List.<CounterData.Standard>of(g, e, v)) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                expected.add((Long) c.getAccessor().invoke(r));
            }
        }
        SflowDecoder.builder().build().decode(ByteBuffer.wrap(datagram), EXPORTER, new SflowSampleHandler() {
            @Override
            public void onCounterSample(SflowSampleView sample) {
                SflowRecordView r = sample.records();
                while (r.next()) {
                    List<? extends CounterField<?>> fields = r.isStandard(Sflow.COUNTER_GENERIC_INTERFACE) ? CounterData.GenericInterface.FIELDS
                            : r.isStandard(Sflow.COUNTER_ETHERNET) ? CounterData.Ethernet.FIELDS : CounterData.Vlan.FIELDS;
                    for (CounterField<?> f : fields) {
                        read.add(r.counter(f));
                    }
                }
            }
        });
        assertThat(read).isEqualTo(expected);
    }

    /** Every record type with named fields: each reads back through the typed codec what its builder set. */
    @Property(tries = 100)
    void everyNamedRecordRoundTripsThroughItsFields(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long a,
            @ForAll long wide, @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long b) throws Exception {
        List<List<? extends CounterField<?>>> all = List.of(CounterData.GenericInterface.FIELDS, CounterData.Ethernet.FIELDS,
                CounterData.TokenRing.FIELDS, CounterData.Vg100.FIELDS, CounterData.Vlan.FIELDS, CounterData.Ieee80211.FIELDS,
                CounterData.HostMemory.FIELDS, CounterData.HostDiskIo.FIELDS, CounterData.HostNetIo.FIELDS,
                CounterData.Mib2Ip.FIELDS, CounterData.Mib2Icmp.FIELDS, CounterData.Mib2Tcp.FIELDS, CounterData.Mib2Udp.FIELDS);
        List<CounterData> records = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (List<? extends CounterField<?>> fields : all) {
            CounterData.Standard r = build(fields, a, wide, b);
            records.add(r);
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                expected.add((Long) c.getAccessor().invoke(r));
            }
        }
        byte[] datagram = SflowDatagramBuilder.create().sample(CounterSample.compact(1, 0, 3, records)).toBytes();
        List<Long> read = new ArrayList<>();
        SflowDecoder.builder().build().decode(ByteBuffer.wrap(datagram), EXPORTER, new SflowSampleHandler() {
            @Override
            public void onCounterSample(SflowSampleView sample) {
                SflowRecordView r = sample.records();
                for (int i = 0; r.next(); i++) {
                    for (CounterField<?> f : all.get(i)) {
                        read.add(r.counter(f));
                    }
                }
            }
        });
        assertThat(read).isEqualTo(expected);
        assertThat(SflowDecoder.builder().build().decodeDatagram(ByteBuffer.wrap(datagram)).samples())
                .singleElement().isEqualTo(CounterSample.compact(1, 0, 3, records));
    }

    @SuppressWarnings("unchecked")
    private static <R extends CounterData.Standard> R build(List<? extends CounterField<?>> fields, long a, long wide, long b) {
        List<CounterField<R>> typed = (List<CounterField<R>>) fields;
        return fill(new CounterRecordBuilder<>(typed), typed, a, wide, b).build();
    }

    /** Values in order: the 4-byte fields take {@code a} and {@code b} by turns, the 8-byte ones {@code wide}. */
    private static <R extends CounterData.Standard> CounterRecordBuilder<R> fill(CounterRecordBuilder<R> builder,
            List<CounterField<R>> fields, long a, long wide, long b) {
        for (CounterField<R> f : fields) {
            builder.set(f, f.width() == 8 ? wide : (f.index() % 2 == 0 ? a : b));
        }
        return builder;
    }

    @Test
    void theNamesAndPlacesAreTheSpecificationsAndTheBuilderSetsByName() {
        assertThat(CounterData.GenericInterface.IF_IN_OCTETS.name()).isEqualTo("ifInOctets");
        assertThat(CounterData.GenericInterface.IF_IN_OCTETS.offset()).isEqualTo(24);
        assertThat(CounterData.GenericInterface.IF_IN_OCTETS.width()).isEqualTo(8);
        assertThat(CounterData.GenericInterface.IF_PROMISCUOUS_MODE.offset()).isEqualTo(84);
        assertThat(CounterData.Ethernet.DOT3_STATS_SYMBOL_ERRORS.offset()).isEqualTo(48);
        assertThat(CounterData.Vlan.DISCARDS.offset()).isEqualTo(24);
        CounterData.GenericInterface g = CounterRecordBuilder.of(CounterData.GenericInterface.class)
                .set(CounterData.GenericInterface.IF_INDEX, 3).set(CounterData.GenericInterface.IF_SPEED, 10_000_000_000L)
                .set(CounterData.GenericInterface.IF_OUT_ERRORS, 7).build();
        assertThat(g.ifIndex()).isEqualTo(3);
        assertThat(g.ifSpeed()).isEqualTo(10_000_000_000L);
        assertThat(g.ifOutErrors()).isEqualTo(7);
        assertThat(g.ifInOctets()).isZero();
        assertThatThrownBy(() -> CounterRecordBuilder.of(CounterData.GenericInterface.class).set(CounterData.GenericInterface.IF_INDEX, 1L << 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned 32-bit");
        assertThatThrownBy(() -> CounterRecordBuilder.of(CounterData.Processor.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Processor does not name its fields");
    }

    @Test
    void aFieldReadOnAnotherRecordSaysWhichItIs() {
        byte[] datagram = SflowDatagramBuilder.create()
                .sample(CounterSample.compact(1, 0, 3, List.of(CounterRecordBuilder.of(CounterData.Vlan.class).set(CounterData.Vlan.VLAN_ID, 10).build())))
                .toBytes();
        List<String> errors = new ArrayList<>();
        SflowDecoder.builder().build().decode(ByteBuffer.wrap(datagram), EXPORTER, new SflowSampleHandler() {
            @Override
            public void onCounterSample(SflowSampleView sample) {
                SflowRecordView r = sample.records();
                while (r.next()) {
                    assertThat(r.counter(CounterData.Vlan.VLAN_ID)).isEqualTo(10);
                    try {
                        r.counter(CounterData.GenericInterface.IF_INDEX);
                    } catch (IllegalStateException e) {
                        errors.add(e.getMessage());
                    }
                }
            }
        });
        assertThat(errors).singleElement().asString().contains("ifIndex", "0:1", "counter record 0:5");
    }
}
