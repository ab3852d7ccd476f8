package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core jar is a named module that exports only its API packages (the core API and the vendor constants). */
class ModuleDescriptorTest {

    @Test
    void exportsOnlyTheApiPackages() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertThat(d.name()).isEqualTo("io.github.flowcodec.core");
            assertThat(d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet())).containsExactlyInAnyOrder("io.github.flowcodec.core", "io.github.flowcodec.core.vendor");
            // The machinery NetFlow v9 and IPFIX share is exported to those two modules only.
            assertThat(d.exports().stream().filter(ModuleDescriptor.Exports::isQualified))
                    .singleElement().satisfies(e -> {
                        assertThat(e.source()).isEqualTo("io.github.flowcodec.core.internal.templated");
                        assertThat(e.targets()).containsExactlyInAnyOrder("io.github.flowcodec.netflow9", "io.github.flowcodec.ipfix");
                    });
            assertThat(d.uses()).contains(FlowDecoderProvider.class.getName());
            assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name)).containsOnly("java.base");
        }
    }
}
