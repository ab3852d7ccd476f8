package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A provider recognizes exactly the datagrams whose first bytes, from the position, are its version big-endian. */
class VersionedDecoderProviderProperties {

    private static final class Provider extends VersionedDecoderProvider {
        Provider(int versionBytes, long version) {
            super(FlowProtocol.IPFIX, versionBytes, version, options -> null);
        }
    }

    @Property
    void recognizesTheVersionBigEndianAtThePosition(@ForAll @IntRange(min = 1, max = 8) int width, @ForAll long anyVersion,
            @ForAll byte[] before, @ForAll byte[] after) {
        long version = width == 8 ? anyVersion : anyVersion & ((1L << (8 * width)) - 1);
        ByteBuffer b = ByteBuffer.allocate(before.length + width + after.length);
        b.put(before);
        b.put(ByteBuffer.allocate(8).putLong(version).array(), 8 - width, width);
        b.put(after);
        b.position(before.length);
        Provider p = new Provider(width, version);

        assertThat(p.recognizes(b)).isTrue();
        assertThat(b.position()).isEqualTo(before.length);
        assertThat(p.recognizes(b.duplicate().limit(before.length + width - 1))).isFalse();
        int flipped = before.length + (int) Math.floorMod(anyVersion, (long) width);
        ByteBuffer other = ByteBuffer.wrap(b.array().clone()).position(before.length);
        other.put(flipped, (byte) (b.get(flipped) ^ 1));
        assertThat(p.recognizes(other)).isFalse();
    }

    @Test
    void namesItsProtocolAndRefusesImpossibleWidths() {
        assertThat(new Provider(2, 10).protocol()).isEqualTo(FlowProtocol.IPFIX);
        assertThatThrownBy(() -> new Provider(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Provider(9, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
