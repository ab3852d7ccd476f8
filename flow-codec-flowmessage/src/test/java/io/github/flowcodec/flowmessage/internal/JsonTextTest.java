package io.github.flowcodec.flowmessage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The JSON encoders' number text against the JDK's. */
class JsonTextTest {

    @Property(tries = 5000)
    void anUnsignedNumberReadsAsTheJdkWritesIt(@ForAll long v) {
        assertThat(text(v)).isEqualTo(Long.toUnsignedString(v));
    }

    @Property(tries = 5000)
    void nanosecondTimesReadAsTheJdkWritesThem(@ForAll @LongRange(min = 1_000_000_000_000_000_000L, max = 2_500_000_000_000_000_000L) long v) {
        assertThat(text(v)).isEqualTo(Long.toString(v));
    }

    @Property(tries = 5000)
    void theReciprocalDivisionIsTheDivision(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        assertThat(JsonText.divideBy1e8(v)).isEqualTo(v / 100_000_000L);
    }

    @Example
    void theReciprocalDivisionIsExactAtEveryQuotientBoundary() {
        // q * 10^8 - 1, q * 10^8 for quotients spread over the whole range, and the ends of the range
        for (long q = 1; q > 0 && q <= Long.MAX_VALUE / 100_000_000L; q = q * 3 + 1) {
            long at = q * 100_000_000L;
            assertThat(JsonText.divideBy1e8(at)).isEqualTo(q);
            assertThat(JsonText.divideBy1e8(at - 1)).isEqualTo(q - 1);
        }
        assertThat(JsonText.divideBy1e8(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 100_000_000L);
        assertThat(JsonText.divideBy1e8(0)).isZero();
        assertThat(JsonText.divideBy1e8(99_999_999)).isZero();
    }

    @Example
    void signedNumbersKeepTheirSign() {
        byte[] b = new byte[24];
        assertThat(new String(b, 0, JsonText.signed(b, 0, Long.MIN_VALUE), StandardCharsets.US_ASCII)).isEqualTo(Long.toString(Long.MIN_VALUE));
        assertThat(new String(b, 0, JsonText.signed(b, 0, -42), StandardCharsets.US_ASCII)).isEqualTo("-42");
    }

    private static String text(long v) {
        byte[] b = new byte[24];
        int end = JsonText.unsigned(b, 2, v);
        return new String(b, 2, end - 2, StandardCharsets.US_ASCII);
    }
}
