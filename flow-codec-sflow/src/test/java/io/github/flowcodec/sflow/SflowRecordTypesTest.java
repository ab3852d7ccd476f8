package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.sflow.internal.CounterRecordTypes;
import io.github.flowcodec.sflow.internal.FlowRecordTypes;
import io.github.flowcodec.sflow.internal.RecordType;
import io.github.flowcodec.sflow.internal.RecordTypes;
import io.github.flowcodec.sflow.internal.TypedCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * The record structure descriptors: one for each standard record type, one generator for each, and every
 * generated record written, measured and read back by its descriptor.
 */
class SflowRecordTypesTest {

    private static List<RecordType<?>> all() {
        List<RecordType<?>> all = new ArrayList<>(FlowRecordTypes.ALL);
        all.addAll(CounterRecordTypes.ALL);
        return all;
    }

    @Test
    void everyStandardRecordTypeHasOneDescriptor() {
        Set<Class<?>> standard = new HashSet<>(Arrays.asList(FlowData.Standard.class.getPermittedSubclasses()));
        standard.addAll(Arrays.asList(CounterData.Standard.class.getPermittedSubclasses()));
        List<Class<?>> described = all().stream().map(RecordType::type).collect(Collectors.toList());
        assertThat(described).doesNotHaveDuplicates();
        assertThat(new HashSet<>(described)).isEqualTo(standard);
        for (RecordType<?> t : all()) {
            assertThat(RecordTypes.of(t.type())).isSameAs(t);
            for (int f : t.formats()) {
                assertThat(t.flow() ? RecordTypes.flow(f) : RecordTypes.counter(f)).isSameAs(t);
            }
        }
    }

    @Test
    void theKnownFormatsAreTheSpecifiedOnes() {
        Set<Integer> flow = FlowRecordTypes.ALL.stream().flatMap(t -> t.formats().stream()).collect(Collectors.toSet());
        Set<Integer> counter = CounterRecordTypes.ALL.stream().flatMap(t -> t.formats().stream()).collect(Collectors.toSet());
        Set<Integer> expectedFlow = new HashSet<>(List.of(1, 2, 3, 4, 1013, 1014, 1015, 1016, 1020, 1036, 1038, 1039, 1040,
                1041, 1042, 2100, 2101, 2102, 2103, 2200, 2201, 2202, 2203, 2204, 2205, 2206, 2209, 2210));
        for (int f = 1001; f <= 1012; f++) {
            expectedFlow.add(f);
        }
        for (int f = 1021; f <= 1030; f++) {
            expectedFlow.add(f);
        }
        assertThat(flow).isEqualTo(expectedFlow);
        assertThat(counter).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 10, 1001, 1002, 1005, 2000, 2001, 2002, 2003, 2004,
                2005, 2006, 2007, 2008, 2009, 2010, 2100, 2101, 2102, 2103, 2104, 2202, 2203, 2206);
    }

    @Test
    void everyDescriptorHasAGeneratorAndNoGeneratorIsLeftOver() {
        Set<Class<?>> needed = new HashSet<>();
        for (RecordType<?> t : all()) {
            assertThat(SflowArbitraries.generator(t, 0)).as(t.toString()).isNotNull();
            if (t.fixedLayout() == null) {
                needed.add(t.type());
            }
        }
        assertThat(SflowArbitraries.STANDARD.keySet()).isEqualTo(needed);
    }

    @Provide
    Arbitrary<Tuple2<RecordType<?>, Object>> records() {
        List<Arbitrary<Tuple2<RecordType<?>, Object>>> each = new ArrayList<>();
        for (RecordType<?> t : all()) {
            each.add(SflowArbitraries.generator(t, 0).map(r -> Tuple.of(t, (Object) r)));
        }
        return Arbitraries.oneOf(each);
    }

    @Property(tries = 1500)
    void eachRecordIsWrittenMeasuredAndReadBackByItsDescriptor(@ForAll("records") Tuple2<RecordType<?>, Object> sample) {
        RecordType<?> type = sample.get1();
        Object record = sample.get2();
        int format = record instanceof FlowData d ? d.format() : ((CounterData) record).format();
        assertThat(type.formats()).contains(format);
        int length = type.flow() ? TypedCodec.flowLength((FlowData) record, SflowArbitraries.EXTENSIONS)
                : TypedCodec.counterLength((CounterData) record, SflowArbitraries.EXTENSIONS);
        assertThat(length).isEqualTo(type.length(record, SflowArbitraries.EXTENSIONS));
        ByteBuffer out = ByteBuffer.allocate(length + 8);
        out.position(8);
        type.write(out, record, SflowArbitraries.EXTENSIONS);
        assertThat(out.position()).isEqualTo(length + 8);
        Object back = type.flow() ? TypedCodec.readFlow(out, format, 8, length, SflowArbitraries.EXTENSIONS)
                : TypedCodec.readCounter(out, format, 8, length, SflowArbitraries.EXTENSIONS);
        assertThat(back).isEqualTo(record);
    }
}
