package io.github.flowcodec.sflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void theManyValueChecksNameTheValueThatFails() {
        assertThatCode(() -> Checks.u32s("a b c", 0, 0xFFFF_FFFFL, 7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.u32s("a b c", 0, 1L << 32, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("b is not an unsigned 32-bit value: 4294967296");
        assertThatThrownBy(() -> Checks.u32s("a b c", 0, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("c is not an unsigned 32-bit value: -1");
        assertThatCode(() -> Checks.notNulls("x y", "", 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.notNulls("x y", "", null)).isInstanceOf(NullPointerException.class).hasMessage("y");
        assertThatThrownBy(() -> Checks.u32s("a b", 1, 2, -3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 values checked but 2 names");
    }

    /** Every {@code Checks.u32s} and {@code Checks.notNulls} of the model names its values as they are named in the call. */
    @Test
    void everyCallNamesItsValuesInOrder() throws IOException {
        Pattern call = Pattern.compile("Checks\\.(?:u32s|notNulls)\\(\"([^\"]*)\",\\s*([^;]*)\\);");
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    List<String> values = Arrays.stream(m.group(2).split(",")).map(String::strip).toList();
                    assertThat(values).as(f + ": " + m.group()).containsExactly(m.group(1).split(" "));
                    calls.add(m.group());
                }
            }
        }
        assertThat(calls).hasSizeGreaterThan(10);
    }
}
