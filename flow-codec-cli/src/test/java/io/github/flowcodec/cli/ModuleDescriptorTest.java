package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The command's jar is a named module that exports only its API package (the command classes). */
class ModuleDescriptorTest {

    @Test
    void exportsOnlyTheCommandPackage() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertThat(d.name()).isEqualTo("io.github.flowcodec.cli");
            assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                    .containsExactly("io.github.flowcodec.cli");
            assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name))
                    .contains("io.github.flowcodec.core", "io.github.flowcodec.netflow5", "io.github.flowcodec.netflow9", "io.github.flowcodec.ipfix",
                            "io.github.flowcodec.sflow", "info.picocli",
                            "com.fasterxml.jackson.core");
        }
    }
}
