package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records and samples kept as their bytes: one value behaviour, whichever of the three. */
class OpaqueDataTest {

    @Test
    void theThreeKeepTheirOwnCopyCompareByContentAndWriteTheBytes() {
        byte[] given = {0, 42, 7};
        List<OpaqueData> all = List.of(new FlowData.Unknown(8800, 1, given), new CounterData.Unknown(0, 2200, given),
                new UnknownSample(4300, 1002, given));
        given[0] = 99;
        for (OpaqueData o : all) {
            assertThat(o.data()).containsExactly(0, 42, 7);
            o.data()[1] = 5;
            assertThat(o.data()).as("a copy each time").containsExactly(0, 42, 7);
            assertThat(o.length()).isEqualTo(3);
            assertThat(o.bytes()).hasToString("002a07");
            ByteBuffer b = ByteBuffer.allocate(4);
            o.writeData(b);
            assertThat(b.position()).isEqualTo(3);
            assertThat(b.array()).containsExactly(0, 42, 7, 0);
        }
        assertThat(new FlowData.Unknown(8800, 1, new byte[] {0, 42, 7})).isEqualTo(all.get(0))
                .hasSameHashCodeAs(all.get(0)).isNotEqualTo(new FlowData.Unknown(8800, 1, new byte[] {0, 42, 8}))
                .isNotEqualTo(new FlowData.Unknown(8800, 2, new byte[] {0, 42, 7}));
        assertThat(new UnknownSample(4300, 1002, OpaqueBytes.copyOf(new byte[] {0, 42, 7}))).isEqualTo(all.get(2));
        assertThat(all.get(1).toString()).contains("2200").contains("002a07");
    }

    @Test
    void theDataFormatIsChecked() {
        assertThatThrownBy(() -> new FlowData.Unknown(1L << 20, 1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterData.Unknown(0, 4096, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnknownSample(0, 1, (OpaqueBytes) null)).isInstanceOf(NullPointerException.class);
    }
}
