package io.github.flowcodec.ipfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The IPFIX jar is a named module that exports only its API package and provides its decoder. */
class ModuleDescriptorTest {

    @Test
    void exportsOnlyTheApiPackage() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertThat(d.name()).isEqualTo("io.github.flowcodec.ipfix");
            assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                    .containsExactly("io.github.flowcodec.ipfix");
            assertThat(d.provides()).anySatisfy(p -> assertThat(p.service()).isEqualTo("io.github.flowcodec.core.FlowDecoderProvider"));
            assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name)).containsOnly("java.base", "io.github.flowcodec.core");
        }
    }
}
