package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code flowcodec demo --cluster}: its own broker in this JVM, two nodes, the flows topic read back. */
class ClusterDemoTest {

    @Test
    void publishesWhatNodeBDecodesWithTheTemplatesNodeALearned() {
        CommandRun run = CommandRun.run("demo", "--cluster", "--flows", "120", "--seed", "11");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("netflow9: sent 2 templates in 1 packets to node A, 120 flows in")
                .contains("ipfix: sent 2 templates in 1 packets to node A, 120 flows in")
                .containsPattern("node A: .* 0 records .*templates 4 published, 0 applied, 0 unpublished")
                .containsPattern("node B: .* 240 records .*240 published, 0 publish errors, 0 back-pressure drops, "
                        + "templates 0 published, 4 applied, 0 unpublished")
                .contains("cluster: sent 240 flows, node B decoded and published 240, read back 240 from topic flows, equal: true");
        assertThat(run.err()).isEmpty();
    }
}
