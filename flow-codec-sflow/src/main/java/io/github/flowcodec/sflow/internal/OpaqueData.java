package io.github.flowcodec.sflow.internal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Equality, hash and text of the records and samples kept as their bytes ({@code FlowData.Unknown},
 * {@code CounterData.Unknown}, {@code UnknownSample}): their enterprise, format and data, the data compared
 * by content.
 *
 * <pre>{@code
 * OpaqueData.text("FlowData.Unknown", 8800, 1, new byte[] {0, 42});   // "FlowData.Unknown[8800:1, 002a]"
 * }</pre>
 */
public final class OpaqueData {

    private OpaqueData() {
    }

    /** Whether the two are the same enterprise, format and bytes. */
    public static boolean equal(long enterprise, int format, byte[] data, long otherEnterprise, int otherFormat,
            byte[] otherData) {
        return enterprise == otherEnterprise && format == otherFormat && Arrays.equals(data, otherData);
    }

    /** The hash of an enterprise, format and bytes. */
    public static int hash(long enterprise, int format, byte[] data) {
        return (Long.hashCode(enterprise) * 31 + format) * 31 + Arrays.hashCode(data);
    }

    /** {@code type[enterprise:format, hex]}. */
    public static String text(String type, long enterprise, int format, byte[] data) {
        return type + "[" + enterprise + ":" + format + ", " + HexFormat.of().formatHex(data) + "]";
    }
}
