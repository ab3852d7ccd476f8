package io.github.flowcodec.cli.internal.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketDropsTest {

    @TempDir
    Path dir;

    @Test
    void sumsTheDropsOfOurPortsFromLinuxTables() throws Exception {
        Path udp = dir.resolve("udp");
        Files.writeString(udp, String.join("\n",
                "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
                "  1: 00000000:0807 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1234 2 0000000000000000 17",
                "  2: 0100007F:18BB 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1235 2 0000000000000000 5",
                "  3: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1236 2 0000000000000000 99"));
        SocketDrops drops = new SocketDrops(Set.of(2055, 6331), udp, dir.resolve("absent"));
        assertThat(drops.read()).hasValue(22); // 2055 (0x0807) and 6331 (0x18BB); port 53 is not ours
        assertThat(new SocketDrops(Set.of(2055), dir.resolve("absent")).read()).isEmpty();
    }

    @Test
    void keepsTheLastDropsOnceOurSocketsAreClosed() throws Exception {
        Path udp = dir.resolve("udp");
        String header = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
        Files.writeString(udp, String.join("\n", header,
                "  1: 00000000:0807 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1234 2 0000000000000000 10814"));
        SocketDrops drops = new SocketDrops(Set.of(2055), udp);
        assertThat(drops.read()).hasValue(10814);
        // the socket is closed: its line is gone, and with it the figure the interval lines reported
        Files.writeString(udp, String.join("\n", header,
                "  3: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1236 2 0000000000000000 99"));
        assertThat(drops.read()).hasValue(10814);
        assertThat(new SocketDrops(Set.of(2055), udp).read()).as("never seen open").hasValue(0);
    }
}
